namespace Rapport.Platform.Api;

/// <summary>
/// API paths that take files larger than the 1 MB JSON body limit (an import's CSV), each with its own limit.
/// A module registers its paths at start-up; every other /api path keeps <see cref="ApiSetup.MaxRequestBodyBytes"/>.
/// </summary>
public sealed class ApiUploadLimits
{
    private readonly List<(PathString Path, long Bytes)> limits = [];

    public ApiUploadLimits Allow(PathString path, long bytes)
    {
        limits.Add((path, bytes));
        return this;
    }

    public long? For(PathString path) =>
        limits.Where(l => path.StartsWithSegments(l.Path)).Select(l => (long?)l.Bytes).FirstOrDefault();
}
