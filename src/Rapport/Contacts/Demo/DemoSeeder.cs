using Bogus;
using Microsoft.EntityFrameworkCore;
using Rapport.Contacts.Companies;
using Rapport.Contacts.People;
using Rapport.Platform.Auth;
using Rapport.Platform.Auth.Users;
using Rapport.Platform.Data;

namespace Rapport.Contacts.Demo;

/// <summary>
/// Fills an empty workspace with a believable sales team, companies and contacts, from a fixed seed so
/// every fresh install shows the same demo.
/// </summary>
public sealed class DemoSeeder(RapportDb db, UserAdministration users, CurrentActor actor, ILogger<DemoSeeder> logger)
{
    public const int CompanyCount = 60;
    public const int ContactCount = 360;

    private static readonly string[] Industries =
        ["Software", "Manufacturing", "Retail", "Healthcare", "Logistics", "Financial services", "Education",
         "Construction", "Hospitality", "Energy", "Media", "Agriculture"];
    private static readonly string[] Sources = ["Website", "Referral", "Trade show", "Cold call", "Webinar", "Partner", "LinkedIn"];
    private static readonly string[] TagPool = ["vip", "newsletter", "partner", "churn-risk", "decision-maker", "champion", "trial"];
    private static readonly string[] Currencies = ["EUR", "USD", "GBP"];

    public static readonly (string Name, string Email, string Role)[] Team =
    [
        ("Maya Lindqvist", "maya.lindqvist@demo.rapport.local", Roles.Manager),
        ("Jonas Keller", "jonas.keller@demo.rapport.local", Roles.Sales),
        ("Amara Okafor", "amara.okafor@demo.rapport.local", Roles.Sales),
        ("Luis Moreno", "luis.moreno@demo.rapport.local", Roles.Marketing),
        ("Priya Nair", "priya.nair@demo.rapport.local", Roles.Support),
        ("Tom Becker", "tom.becker@demo.rapport.local", Roles.ReadOnly),
    ];

    public async Task<bool> SeedAsync(CancellationToken ct)
    {
        if (await db.Companies.AnyAsync(ct) || await db.Contacts.AnyAsync(ct)) return false;
        actor.Set(CurrentActor.System, "seed");

        var owners = new List<Guid>();
        foreach (var (name, email, role) in Team)
        {
            // Demo colleagues cannot sign in until an admin sets their password.
            var user = await users.EnsureUserAsync(email, name, role, password: null, ct);
            if (role is Roles.Sales or Roles.Manager) owners.Add(user.Id);
        }

        Randomizer.Seed = new Random(20261122);
        var faker = new Faker("en");
        var companies = Enumerable.Range(0, CompanyCount).Select(_ => NewCompany(faker, owners)).ToList();
        db.Companies.AddRange(companies);
        var contacts = Enumerable.Range(0, ContactCount).Select(i => NewContact(faker, companies, owners, i)).ToList();
        db.Contacts.AddRange(contacts);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded demo workspace: {Companies} companies, {Contacts} contacts", companies.Count, contacts.Count);
        return true;
    }

    private static Company NewCompany(Faker f, List<Guid> owners)
    {
        var name = f.Company.CompanyName();
        var slug = new string(name.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
        var employees = f.Random.WeightedRandom([f.Random.Int(2, 50), f.Random.Int(51, 500), f.Random.Int(501, 20000)], [0.5f, 0.35f, 0.15f]);
        return new Company
        {
            Name = name,
            Domain = $"{slug}.{f.PickRandom("com", "io", "de", "co.uk", "net")}",
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
            OwnerId = f.PickRandom(owners),
            Tags = f.Random.Bool(0.3f) ? [f.PickRandom(TagPool)] : [],
        };
    }

    private static Contact NewContact(Faker f, List<Company> companies, List<Guid> owners, int index)
    {
        var first = f.Name.FirstName();
        var last = f.Name.LastName();
        var company = index % 12 == 11 ? null : companies[index % companies.Count];
        var contact = new Contact
        {
            FirstName = first,
            LastName = last,
            JobTitle = f.Name.JobTitle(),
            Company = company,
            City = company?.City ?? f.Address.City(),
            Country = company?.Country ?? f.Address.Country(),
            LifecycleStage = f.PickRandom<LifecycleStage>(),
            Source = f.PickRandom(Sources),
            OwnerId = company?.OwnerId ?? f.PickRandom(owners),
            Tags = f.Random.Bool(0.4f) ? f.PickRandom(TagPool, f.Random.Int(1, 2)).ToList() : [],
            Notes = f.Random.Bool(0.3f) ? f.Lorem.Sentence(12) : null,
        };
        var domain = company?.Domain ?? f.Internet.DomainName();
        var email = $"{Slug(first)}.{Slug(last)}{(index >= companies.Count ? index.ToString(System.Globalization.CultureInfo.InvariantCulture) : "")}@{domain}";
        contact.SetEmails(f.Random.Bool(0.2f)
            ? [new ContactEmail(email, "work", true), new ContactEmail(f.Internet.Email(first, last), "personal", false)]
            : [new ContactEmail(email, "work", true)]);
        contact.SetPhones([new ContactPhone(f.Phone.PhoneNumber("+1 ### ### ####"), "work", true)]);
        return contact;
    }

    private static string Slug(string s) => new(s.ToLowerInvariant().Where(char.IsLetter).ToArray());
}
