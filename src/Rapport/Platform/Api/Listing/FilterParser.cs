using System.Linq.Expressions;

namespace Rapport.Platform.Api.Listing;

/// <summary>
/// Parses the <c>filter</c> expression documented in docs/api.md into a LINQ predicate over allow-listed
/// fields. Values become typed constants (EF Core sends them as parameters), so nothing typed reaches SQL as text.
/// <code>
/// expr       := and ('or' and)*
/// and        := unary ('and' unary)*
/// unary      := 'not' unary | '(' expr ')' | comparison
/// comparison := field op value | field 'in' '(' value (',' value)* ')'
/// op         := eq | ne | gt | ge | lt | le | contains | startswith | has
/// </code>
/// </summary>
public sealed class FilterParser<T>
{
    private const int MaxDepth = 20;
    private const int MaxInValues = 100;
    private readonly ResourceFields<T> fields;
    private readonly List<Token> tokens;
    private readonly ParameterExpression parameter = Expression.Parameter(typeof(T), "r");
    private int position;
    private int depth;

    private FilterParser(ResourceFields<T> fields, string text)
    {
        this.fields = fields;
        tokens = FilterTokenizer.Tokenize(text);
    }

    internal static Expression<Func<T, bool>>? ParseExpression(string? text, ResourceFields<T> fields)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parser = new FilterParser<T>(fields, text);
        var body = parser.ParseOr();
        if (parser.Current.Kind != TokenKind.End)
            throw parser.Error($"expected 'and', 'or' or the end, found '{parser.Current.Text}'");
        return Expression.Lambda<Func<T, bool>>(body, parser.parameter);
    }

    private Token Current => tokens[position];

    private Token Next()
    {
        var token = tokens[position];
        if (token.Kind != TokenKind.End) position++;
        return token;
    }

    private bool AcceptWord(string word)
    {
        if (Current.Kind != TokenKind.Word || !Current.Text.Equals(word, StringComparison.OrdinalIgnoreCase)) return false;
        position++;
        return true;
    }

    private BadRequestException Error(string message) =>
        new($"filter: {message} at position {Current.Position}. See docs/api.md#filtering.");

    private Expression ParseOr()
    {
        var left = ParseAnd();
        while (AcceptWord("or")) left = Expression.OrElse(left, ParseAnd());
        return left;
    }

    private Expression ParseAnd()
    {
        var left = ParseUnary();
        while (AcceptWord("and")) left = Expression.AndAlso(left, ParseUnary());
        return left;
    }

    private Expression ParseUnary()
    {
        if (++depth > MaxDepth) throw Error("expression is nested too deeply");
        try
        {
            if (AcceptWord("not")) return Expression.Not(ParseUnary());
            if (Current.Kind == TokenKind.OpenParen)
            {
                Next();
                var inner = ParseOr();
                if (Next().Kind != TokenKind.CloseParen) throw Error("expected ')'");
                return inner;
            }
            return ParseComparison();
        }
        finally
        {
            depth--;
        }
    }

    private Expression ParseComparison()
    {
        if (Current.Kind != TokenKind.Word) throw Error($"expected a field name, found '{Current.Text}'");
        var field = fields.Get(Next().Text, "filter");
        var member = new ParameterReplacer(field.Selector.Parameters[0], parameter).Visit(field.Selector.Body);
        if (Current.Kind != TokenKind.Word) throw Error($"expected an operator after '{field.Name}'");
        var op = Next().Text.ToLowerInvariant();
        if (op == "in") return ParseIn(field, member);
        var valueToken = Next();
        return FilterOperators.Build(field, member, op, valueToken, Error);
    }

    private Expression ParseIn(ListField field, Expression member)
    {
        if (Next().Kind != TokenKind.OpenParen) throw Error("expected '(' after 'in'");
        Expression? result = null;
        var count = 0;
        do
        {
            if (++count > MaxInValues) throw Error($"'in' takes at most {MaxInValues} values");
            var equals = FilterOperators.Build(field, member, "eq", Next(), Error);
            result = result is null ? equals : Expression.OrElse(result, equals);
        }
        while (Current.Kind == TokenKind.Comma && Next().Kind == TokenKind.Comma);
        if (Next().Kind != TokenKind.CloseParen) throw Error("expected ')' to close 'in'");
        return result;
    }
}

internal sealed class ParameterReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
{
    protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
}

public static class FilterParser
{
    public static Expression<Func<T, bool>>? Parse<T>(string? text, ResourceFields<T> fields) =>
        FilterParser<T>.ParseExpression(text, fields);
}
