using System.Globalization;
using Bogus;
using Rapport.Activities;
using Rapport.Contacts.Companies;
using Rapport.Contacts.People;

namespace Rapport.Bench.Data;

/// <summary>
/// A reproducible CRM data set: one company per ten contacts, names, emails, phones, addresses, stages, sources
/// and tags in realistic proportions. The same seed and scale always give the same rows (ids included), so the
/// product import and the raw baseline load identical data. Rows are produced lazily: a million contacts never
/// sit in memory at once.
/// </summary>
public sealed class CrmDataGenerator(int contacts, IReadOnlyList<Guid> owners, int seed = 20261201)
{
    public const int ContactsPerCompany = 10;
    public const int ActivitiesPerContact = 5;

    /// <summary>The contacts' custom fields (ProductHost defines them): a select and a number, as a CRM's admin would add.</summary>
    public const string TierField = "tier", SeatsField = "seats";
    public static readonly string[] Tiers = ["gold", "silver", "bronze", "trial"];

    private static readonly string[] Industries =
        ["Software", "Manufacturing", "Retail", "Healthcare", "Logistics", "Financial services", "Education",
         "Construction", "Hospitality", "Energy", "Media", "Agriculture"];
    private static readonly string[] Sources = ["Website", "Referral", "Trade show", "Cold call", "Webinar", "Partner", "LinkedIn"];
    private static readonly string[] TagPool = ["vip", "newsletter", "partner", "churn-risk", "decision-maker", "champion", "trial"];
    private static readonly string[] Currencies = ["EUR", "USD", "GBP"];
    private static readonly LifecycleStage[] Stages = Enum.GetValues<LifecycleStage>();

    public int ContactCount => contacts;
    public int CompanyCount => Math.Max(1, contacts / ContactsPerCompany);

    /// <summary>Company ids are a pure function of the seed and index, so contacts can name them without keeping them.</summary>
    public Guid CompanyId(int index) => DeterministicGuid(1, index);
    public Guid ContactId(int index) => DeterministicGuid(2, index);

    public IEnumerable<Company> Companies()
    {
        var f = Faker(1);
        for (var i = 0; i < CompanyCount; i++)
        {
            var name = f.Company.CompanyName();
            var slug = Slug(name);
            var employees = f.Random.WeightedRandom([f.Random.Int(2, 50), f.Random.Int(51, 500), f.Random.Int(501, 20000)], [0.5f, 0.35f, 0.15f]);
            yield return new Company
            {
                Id = CompanyId(i),
                Name = name,
                Domain = $"{slug}{i.ToString(CultureInfo.InvariantCulture)}.{f.PickRandom("com", "io", "de", "co.uk", "net")}",
                Industry = f.PickRandom(Industries),
                EmployeeCount = employees,
                AnnualRevenue = decimal.Round(employees * f.Random.Decimal(40_000, 250_000), 2),
                AnnualRevenueCurrency = f.PickRandom(Currencies),
                Street = f.Address.StreetAddress(),
                City = f.Address.City(),
                Region = f.Address.State(),
                PostalCode = f.Address.ZipCode(),
                Country = f.Address.Country(),
                Phone = f.Phone.PhoneNumber("+1 ### ### ####"),
                OwnerId = owners[i % owners.Count],
                Tags = f.Random.Bool(0.3f) ? [f.PickRandom(TagPool)] : [],
            };
        }
    }

    public IEnumerable<Contact> Contacts()
    {
        var f = Faker(2);
        for (var i = 0; i < contacts; i++)
        {
            var first = f.Name.FirstName();
            var last = f.Name.LastName();
            // One contact in twelve has no company, as in a real CRM with private leads.
            var companyIndex = i % 12 == 11 ? (int?)null : f.Random.Int(0, CompanyCount - 1);
            var contact = new Contact
            {
                Id = ContactId(i),
                FirstName = first,
                LastName = last,
                JobTitle = f.Name.JobTitle(),
                CompanyId = companyIndex is { } c ? CompanyId(c) : null,
                Street = f.Random.Bool(0.5f) ? f.Address.StreetAddress() : null,
                City = f.Address.City(),
                PostalCode = f.Random.Bool(0.5f) ? f.Address.ZipCode() : null,
                Country = f.Address.Country(),
                LifecycleStage = f.PickRandom(Stages),
                Source = f.PickRandom(Sources),
                OwnerId = owners[i % owners.Count],
                Tags = f.Random.Bool(0.4f) ? f.PickRandom(TagPool, f.Random.Int(1, 2)).ToList() : [],
                Notes = f.Random.Bool(0.2f) ? f.Lorem.Sentence(12) : null,
                // Two contacts in three carry the custom fields, as fields added after go-live are filled over time.
                CustomFields = i % 3 == 2 ? null
                    : $"{{\"{SeatsField}\":{f.Random.Int(1, 5000).ToString(CultureInfo.InvariantCulture)},\"{TierField}\":\"{f.PickRandom(Tiers)}\"}}",
            };
            var email = $"{Slug(first)}.{Slug(last)}.{i.ToString(CultureInfo.InvariantCulture)}@{f.Internet.DomainName()}";
            contact.SetEmails(f.Random.Bool(0.2f)
                ? [new ContactEmail(email, "work", true), new ContactEmail(f.Internet.Email(first, last), "personal", false)]
                : [new ContactEmail(email, "work", true)]);
            contact.SetPhones([new ContactPhone(f.Phone.PhoneNumber("+1 ### ### ####"), "work", true)]);
            yield return contact;
        }
    }

    /// <summary>
    /// Five activities per contact, linked to it and its company: a note, a call, a logged email, a meeting and a
    /// task (a third of them open), spread over the two years before a fixed date, owned by the contact's owner.
    /// </summary>
    public IEnumerable<Activity> Activities(IEnumerable<Contact> contacts)
    {
        var f = Faker(3);
        var end = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        var index = 0;
        foreach (var contact in contacts)
        {
            List<RecordLink> links = contact.CompanyId is { } companyId
                ? [new(LinkedRecordType.Contact, contact.Id), new(LinkedRecordType.Company, companyId)]
                : [new(LinkedRecordType.Contact, contact.Id)];
            foreach (var type in KindsPerContact)
            {
                var at = end.AddMinutes(-f.Random.Int(0, 2 * 365 * 24 * 60));
                var activity = new Activity
                {
                    Id = DeterministicGuid(3, index++),
                    Type = type,
                    OwnerId = contact.OwnerId,
                    OccurredAt = at,
                    Channel = ActivityChannel.Other,
                    Links = links,
                };
                switch (type)
                {
                    case ActivityType.Note:
                        activity.Body = f.Lorem.Paragraph(2);
                        break;
                    case ActivityType.Call:
                        activity.Subject = f.PickRandom("Intro call", "Follow-up call", "Pricing questions", "Renewal call", "Support check-in");
                        activity.Channel = ActivityChannel.Phone;
                        activity.Direction = f.PickRandom<ActivityDirection>();
                        activity.DurationSeconds = f.Random.Int(60, 3600);
                        activity.Outcome = f.PickRandom("Connected", "Left voicemail", "No answer", "Meeting booked");
                        break;
                    case ActivityType.Email:
                        activity.Subject = f.PickRandom("Proposal", "Re: your question", "Meeting notes", "Invoice", "Welcome aboard");
                        activity.Body = f.Lorem.Sentences(3);
                        activity.Channel = ActivityChannel.Email;
                        activity.Direction = f.PickRandom<ActivityDirection>();
                        activity.EmailFrom = contact.PrimaryEmail;
                        activity.EmailTo = ["sales@rapport.example"];
                        break;
                    case ActivityType.Meeting:
                        activity.Subject = f.PickRandom("Demo", "Kick-off", "Quarterly review", "Workshop");
                        activity.Channel = ActivityChannel.InPerson;
                        activity.StartAt = at;
                        activity.EndAt = at.AddMinutes(f.PickRandom(30, 45, 60, 90));
                        activity.Location = f.Address.City();
                        break;
                    case ActivityType.Task:
                        activity.Subject = f.PickRandom("Send quote", "Call back", "Prepare contract", "Check references");
                        activity.DueAt = at.AddDays(7);
                        activity.AssigneeId = contact.OwnerId;
                        activity.Priority = f.PickRandom<TaskPriority>();
                        activity.Done = !f.Random.Bool(1f / 3);
                        activity.DoneAt = activity.Done ? at.AddDays(5) : null;
                        break;
                }
                yield return activity;
            }
        }
    }

    private static readonly ActivityType[] KindsPerContact =
        [ActivityType.Note, ActivityType.Call, ActivityType.Email, ActivityType.Meeting, ActivityType.Task];

    private Faker Faker(int stream) => new("en") { Random = new Randomizer(seed * 31 + stream) };

    private Guid DeterministicGuid(int kind, int index)
    {
        // Shaped like Guid.CreateVersion7 (time-ordered, version 7, RFC variant) but reproducible: the first
        // 48 bits, where v7 keeps its timestamp, hold the kind and index, so ids never collide.
        Span<byte> bytes = stackalloc byte[16];
        var head = ((long)kind << 40) | (uint)index;
        for (var i = 0; i < 6; i++) bytes[i] = (byte)(head >> (8 * (5 - i)));
        bytes[6] = (byte)(0x70 | (seed & 0x0F));
        bytes[7] = (byte)(seed >> 4);
        BitConverter.TryWriteBytes(bytes[8..], ((long)index * 2654435761L) ^ ((long)seed << 17));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    private static string Slug(string s) => new(s.ToLowerInvariant().Where(char.IsLetter).ToArray());
}
