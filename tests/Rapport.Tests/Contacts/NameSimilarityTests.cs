using Rapport.Contacts.Duplicates;

namespace Rapport.Tests.Contacts;

public sealed class NameSimilarityTests
{
    [Theory]
    [InlineData("martha", "marhta", 0.961)]
    [InlineData("dwayne", "duane", 0.84)]
    [InlineData("dixon", "dicksonx", 0.813)]
    public void JaroWinkler_MatchesTheTextbookValues(string a, string b, double expected) =>
        Assert.Equal(expected, NameSimilarity.JaroWinkler(a, b), 3);

    [Fact]
    public void JaroWinkler_EqualIsOne_NothingInCommonIsZero()
    {
        Assert.Equal(1, NameSimilarity.JaroWinkler("acme", "acme"));
        Assert.Equal(0, NameSimilarity.JaroWinkler("abc", "xyz"));
        Assert.Equal(0, NameSimilarity.JaroWinkler("", "xyz"));
    }

    [Theory]
    [InlineData("ACME, Inc.", "acme")]
    [InlineData("The Acme Company GmbH", "acme")]
    [InlineData("Müller & Söhne AG", "muller sohne")]
    public void CompanyName_DropsLegalFormsPunctuationAndAccents(string name, string expected) =>
        Assert.Equal(expected, NameSimilarity.Company(name));

    [Theory]
    [InlineData("+49 30 1234567", "301234567")]
    [InlineData("0049 (30) 123-4567", "301234567")]
    [InlineData("030/1234567", "301234567")]
    [InlineData("12 34", "1234")]
    [InlineData("", null)]
    public void PhoneKey_KeepsTheLastNineDigits(string phone, string? expected) =>
        Assert.Equal(expected, DuplicateKeys.Phone(phone));
}
