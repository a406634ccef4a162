using Rapport.Bench.Data;
using Rapport.Contacts.People;
using Rapport.Platform.Api.Listing;

namespace Rapport.Bench.Load;

/// <summary>
/// The files the wrk scripts draw from: ids, company ids, filter segments, search terms and signed cursors at
/// random positions. Sampled with a fixed seed from the generated data, so each run asks the same questions.
/// </summary>
public static class ScenarioInputs
{
    public static void Write(string directory, CrmDataGenerator data, IReadOnlyList<Contact> contacts, KeysetCursor cursors)
    {
        Directory.CreateDirectory(directory);
        var random = new Random(7);
        var sample = Enumerable.Range(0, Math.Min(5_000, contacts.Count)).Select(_ => contacts[random.Next(contacts.Count)]).ToList();

        File.WriteAllLines(Path.Combine(directory, "ids.txt"), sample.Select(c => c.Id.ToString()));
        // Patches walk a shuffled slice of their own so no two in-flight patches touch one contact.
        // The warm-up run gets its own slice, so the measured run still finds every contact at version 1.
        var patchIds = Enumerable.Range(0, contacts.Count).OrderBy(_ => random.Next()).Take(Math.Min(contacts.Count, 50_000))
            .Select(i => contacts[i].Id.ToString()).ToList();
        var warmUp = patchIds.Count / 4;
        File.WriteAllLines(Path.Combine(directory, "patch-warmup-ids.txt"), patchIds.Take(warmUp));
        File.WriteAllLines(Path.Combine(directory, "patch-ids.txt"), patchIds.Skip(warmUp));
        File.WriteAllLines(Path.Combine(directory, "companies.txt"),
            Enumerable.Range(0, 2_000).Select(_ => data.CompanyId(random.Next(data.CompanyCount)).ToString()));
        File.WriteAllLines(Path.Combine(directory, "segments.txt"), sample.Take(500)
            .Select(c => $"lifecycleStage eq '{Stage(c.LifecycleStage)}' and country eq '{c.Country!.Replace("'", "''", StringComparison.Ordinal)}'"));
        File.WriteAllLines(Path.Combine(directory, "terms.txt"), sample.Take(1_000)
            .Select((c, i) => i % 2 == 0 ? c.LastName : $"{c.FirstName} {c.LastName}"));
        // Half name prefixes as typed so far (3 to 5 letters), half a first and last name.
        File.WriteAllLines(Path.Combine(directory, "global-terms.txt"), sample.Take(1_000)
            .Select((c, i) => i % 2 == 0 ? c.LastName[..Math.Min(c.LastName.Length, 3 + i % 3)] : $"{c.FirstName} {c.LastName}"));
        File.WriteAllLines(Path.Combine(directory, "custom-filters.txt"), Enumerable.Range(0, 200).Select(i =>
            $"customFields.{CrmDataGenerator.TierField} eq '{CrmDataGenerator.Tiers[i % CrmDataGenerator.Tiers.Length]}' and customFields.{CrmDataGenerator.SeatsField} ge {(i * 37 % 4000).ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
        var keys = SortKeys.Parse("lastName,firstName", ContactFields.All, ContactFields.DefaultSort);
        File.WriteAllLines(Path.Combine(directory, "cursors.txt"), sample.Take(500).Select(c => cursors.Create(c, keys)));
    }

    private static string Stage(LifecycleStage stage) => stage.ToString().ToLowerInvariant();
}
