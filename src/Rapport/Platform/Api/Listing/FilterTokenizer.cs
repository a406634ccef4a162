using System.Globalization;
using System.Text;

namespace Rapport.Platform.Api.Listing;

internal enum TokenKind
{
    Word,
    String,
    Number,
    OpenParen,
    CloseParen,
    Comma,
    End,
}

internal readonly record struct Token(TokenKind Kind, string Text, int Position);

/// <summary>Splits a filter expression into words, 'quoted strings', numbers, parentheses and commas.</summary>
internal static class FilterTokenizer
{
    public const int MaxLength = 2000;

    public static List<Token> Tokenize(string text)
    {
        if (text.Length > MaxLength) throw new BadRequestException($"filter is longer than {MaxLength} characters.");
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var start = i;
            switch (c)
            {
                case '(': tokens.Add(new(TokenKind.OpenParen, "(", i++)); continue;
                case ')': tokens.Add(new(TokenKind.CloseParen, ")", i++)); continue;
                case ',': tokens.Add(new(TokenKind.Comma, ",", i++)); continue;
                case '\'':
                    tokens.Add(new(TokenKind.String, ReadString(text, ref i), start));
                    continue;
            }
            if (char.IsDigit(c) || (c == '-' && i + 1 < text.Length && char.IsDigit(text[i + 1])))
            {
                i++;
                while (i < text.Length && (char.IsDigit(text[i]) || text[i] == '.')) i++;
                var number = text[start..i];
                if (!decimal.TryParse(number, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
                    throw new BadRequestException($"filter: '{number}' at position {start} is not a number.");
                tokens.Add(new(TokenKind.Number, number, start));
                continue;
            }
            if (char.IsLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.')) i++;
                tokens.Add(new(TokenKind.Word, text[start..i], start));
                continue;
            }
            throw new BadRequestException(
                $"filter: unexpected character '{c}' at position {i}. Strings go in single quotes, e.g. name eq 'Acme'.");
        }
        tokens.Add(new(TokenKind.End, "", text.Length));
        return tokens;
    }

    private static string ReadString(string text, ref int i)
    {
        var start = i++;
        var value = new StringBuilder();
        while (i < text.Length)
        {
            if (text[i] == '\'')
            {
                if (i + 1 < text.Length && text[i + 1] == '\'') { value.Append('\''); i += 2; continue; }
                i++;
                var literal = value.ToString();
                if (StoredText.Problem(literal) is { } problem)
                    throw new BadRequestException($"filter: the string starting at position {start} {problem}");
                return literal;
            }
            value.Append(text[i++]);
        }
        throw new BadRequestException($"filter: the string starting at position {start} is not closed with '.");
    }
}
