using Rapport.Activities;
using Rapport.Contacts.Companies;
using Rapport.Contacts.People;
using Rapport.Platform.Api.Listing;

namespace Rapport.Contacts.Overview;

/// <summary>A record named for display next to the one shown.</summary>
public sealed record RecordRef(Guid Id, string Name);

/// <summary>
/// Everything a contact's 360° page shows, in one call: the contact, its company and owner by name, the newest
/// activities of its timeline (page on with <c>/contacts/{id}/timeline?cursor=</c>), and each module's panel
/// (<c>openTasks</c>, <c>documents</c>; later deals, tickets, campaigns, consent) under its key.
/// </summary>
public sealed record ContactOverviewResponse(
    ContactResponse Contact,
    RecordRef? Company,
    RecordRef? Owner,
    Page<ActivityResponse> Timeline,
    IReadOnlyDictionary<string, object> Panels);

/// <summary>A company's 360° page: the company, its owner, its contacts (first ones and the count), the timeline
/// rolled up from the company and its contacts, and the panels.</summary>
public sealed record CompanyOverviewResponse(
    CompanyResponse Company,
    RecordRef? Owner,
    int ContactCount,
    IReadOnlyList<RecordRef> Contacts,
    Page<ActivityResponse> Timeline,
    IReadOnlyDictionary<string, object> Panels);
