using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rapport.Platform.Auth;

public sealed class RapportUser : IdentityUser<Guid>
{
    public RapportUser() => Id = Guid.CreateVersion7();

    public string DisplayName { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
}

internal sealed class RapportUserConfiguration : IEntityTypeConfiguration<RapportUser>
{
    public void Configure(EntityTypeBuilder<RapportUser> builder) =>
        builder.Property(u => u.DisplayName).HasMaxLength(200);
}
