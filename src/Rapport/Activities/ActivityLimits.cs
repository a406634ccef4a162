namespace Rapport.Activities;

/// <summary>Column sizes, shared by the EF model and the request validation.</summary>
public static class ActivityLimits
{
    public const int Subject = 300;
    public const int Body = 100_000;
    public const int Outcome = 200;
    public const int Location = 300;
    public const int Address = 320;
    public const int MaxLinks = 50;
    public const int MaxAttendees = 100;
    public const int MaxRecipients = 50;

    /// <summary>A call longer than a week is a typo.</summary>
    public const int MaxDurationSeconds = 7 * 24 * 3600;
}
