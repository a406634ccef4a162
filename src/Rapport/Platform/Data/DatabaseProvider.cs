namespace Rapport.Platform.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
