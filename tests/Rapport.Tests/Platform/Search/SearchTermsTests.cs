using Rapport.Platform.Search;

namespace Rapport.Tests.Platform.Search;

/// <summary>What typed text becomes in a full-text query: prefixes, except for words completed by punctuation.</summary>
public sealed class SearchTermsTests
{
    [Theory]
    [InlineData("jo smi", "jo:* & smi:*")]
    [InlineData("O'Reilly", "o & reilly:*")]
    [InlineData("Al-Quitzon", "al & quitzon:*")]
    [InlineData("ada.lovelace@globex.example", "ada & lovelace & globex & example:*")]
    [InlineData("o' reilly", "o:* & reilly:*")]
    [InlineData("O'", "o:*")]
    [InlineData("Mary O'Kon", "mary:* & o & kon:*")]
    [InlineData("+44 20 7946", "44:* & 20:* & 7946:*")]
    public void PrefixQuery_LeavesWordsCompletedByPunctuationWhole(string typed, string tsQuery)
    {
        Assert.Equal(tsQuery, SearchTerms.ToTsQuery(SearchTerms.Split(typed)));
    }

    [Theory]
    [InlineData("O'R", "o", "r:*")]
    [InlineData("jo smi", "smi:*", "jo:*")]
    [InlineData("Mary O'K", "mary:* & o", "k:*")]
    [InlineData("a b smith", "smith:*", "a:* & b:*")]
    [InlineData("jo", "jo:*", null)]
    [InlineData("a b", "a:* & b:*", null)]
    [InlineData("smith", "smith:*", null)]
    [InlineData("Al-Q", "al", "q:*")]
    public void GinQuery_HoldsBackShortPrefixes_WhenAnotherWordCanUseTheIndex(string typed, string indexed, string? rechecked)
    {
        Assert.Equal((indexed, rechecked), SearchTerms.ToTsQueries(SearchTerms.Split(typed)));
    }

    [Fact]
    public void GinQuery_OfWholeWords_HoldsNothingBack()
    {
        Assert.Equal(("jo & smi", (string?)null), SearchTerms.ToTsQueries(SearchTerms.Split("jo smi"), wholeWords: true));
    }

    [Fact]
    public void Fts5Query_QuotesEveryWord_AndStarsOnlyTheUnfinished()
    {
        Assert.Equal("\"o\" \"reilly\"*", SearchTerms.ToFts5(SearchTerms.Split("O'Reilly")));
        Assert.Equal("\"o\" \"reilly\"", SearchTerms.ToFts5(SearchTerms.Split("O'Reilly"), wholeWords: true));
    }

    [Fact]
    public void Split_KeepsAtMostEightWords_AndTheirCompleteness()
    {
        var terms = SearchTerms.Split("a-b c d e f g h i j");
        Assert.Equal(SearchTerms.MaxTerms, terms.Count);
        Assert.Equal("a & b:* & c:* & d:* & e:* & f:* & g:* & h:*", SearchTerms.ToTsQuery(terms));
    }
}
