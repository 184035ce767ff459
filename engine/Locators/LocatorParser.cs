using System.Globalization;
using Dispatch.Engine.Accessibility;
using Dispatch.Engine.Geometry;

namespace Dispatch.Engine.Locators;

/// <summary>
/// Parses the locator language:
/// <code>
/// locator  := clause+ ( "in" "window" ( "=" | "~=" )? value | relation clause+ )* ( "#" number | "first" )?
/// relation := "near" | "right" "of" | "left" "of" | "below" | "above"
/// clause   := key ( "=" | "~=" ) value          key: role name text description state image point via
/// value    := "double-quoted" | 'single-quoted' | bare-word
/// </code>
/// A role is a neutral name (<see cref="UiRoleNames"/>: <c>button</c>, <c>check box</c>, <c>entry</c>) or else the
/// platform's own (<c>"push button"</c>), matched as the platform names it. Window titles: see <see cref="WindowCondition"/>.
/// </summary>
public static class LocatorParser
{
    /// <summary>Parses <paramref name="query"/>.</summary>
    /// <exception cref="LocatorSyntaxException">The query is malformed; the message points at the position.</exception>
    public static Locator Parse(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var reader = new Reader(query);
        var locator = ParseLocator(reader, nested: false);
        reader.SkipSpace();
        if (!reader.AtEnd)
        {
            throw reader.Error("Unexpected text");
        }
        return locator;
    }

    /// <summary>The words that write <paramref name="relation"/> in a locator, e.g. <c>right of</c>.</summary>
    public static string KeywordOf(SpatialRelation relation) => relation switch
    {
        SpatialRelation.RightOf => "right of",
        SpatialRelation.LeftOf => "left of",
        SpatialRelation.Below => "below",
        SpatialRelation.Above => "above",
        _ => "near",
    };

    private static Locator ParseLocator(Reader reader, bool nested)
    {
        var locator = new Locator();
        var clauses = 0;
        while (true)
        {
            reader.SkipSpace();
            if (reader.AtEnd)
            {
                break;
            }
            var start = reader.Position;
            if (reader.Peek() == '#')
            {
                if (nested)
                {
                    break;
                }
                reader.Advance();
                var digits = reader.Word();
                if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index < 1)
                {
                    throw new LocatorSyntaxException(reader.Query, start + 1, $"Expected a match number of 1 or more after '#', found '{digits}'");
                }
                locator = locator with { Index = index };
                continue;
            }
            var key = reader.Word();
            if (key == "first")
            {
                if (nested)
                {
                    reader.Position = start;
                    break;
                }
                locator = locator with { First = true };
                continue;
            }
            if (key == "in")
            {
                if (nested)
                {
                    reader.Position = start;
                    break;
                }
                reader.SkipSpace();
                var what = reader.Position;
                if (reader.Word() != "window")
                {
                    throw new LocatorSyntaxException(reader.Query, what, "Expected 'window' after 'in'");
                }
                reader.SkipSpace();
                var match = TitleMatch.ExactElseContains;
                if (reader.Peek() == '~')
                {
                    reader.Advance();
                    if (reader.Peek() != '=')
                    {
                        throw reader.Error("Expected '~=' (a title containing the text)");
                    }
                    reader.Advance();
                    match = TitleMatch.Contains;
                }
                else if (reader.Peek() == '=')
                {
                    reader.Advance();
                    match = TitleMatch.Exact;
                }
                locator = locator with { Window = new WindowCondition(reader.Value(), match) };
                continue;
            }
            if (RelationOf(key, reader) is { } relation)
            {
                if (nested)
                {
                    reader.Position = start;
                    break;
                }
                if (locator.Anchor is not null)
                {
                    throw new LocatorSyntaxException(reader.Query, start, "Only one relation (near, right of, left of, below, above) per locator");
                }
                var anchorStart = reader.Position;
                var anchor = ParseLocator(reader, nested: true);
                if (anchor == new Locator())
                {
                    throw new LocatorSyntaxException(reader.Query, anchorStart, $"Expected a clause such as text=\"Total\" after '{KeywordOf(relation)}'");
                }
                locator = locator with { Anchor = anchor, Relation = relation };
                continue;
            }
            if (key.Length == 0)
            {
                throw reader.Error($"Expected a clause such as text=\"Save\", found '{reader.Peek()}'");
            }
            reader.SkipSpace();
            var contains = false;
            if (reader.Peek() == '~')
            {
                reader.Advance();
                contains = true;
            }
            if (reader.Peek() != '=')
            {
                throw reader.Error($"Expected '=' after '{key}'");
            }
            reader.Advance();
            var valueStart = reader.Position;
            var value = reader.Value();
            locator = Apply(locator, key, value, contains, reader.Query, start, valueStart);
            clauses++;
        }
        if (clauses == 0 && !nested)
        {
            throw new LocatorSyntaxException(reader.Query, reader.Position,
                "Expected at least one clause: role=, name=, text=, description=, state=, image= or point=");
        }
        return locator;
    }

    /// <summary>The relation <paramref name="key"/> starts (reading the "of" after right and left), or null.</summary>
    private static SpatialRelation? RelationOf(string key, Reader reader)
    {
        switch (key)
        {
            case "near":
                return SpatialRelation.Near;
            case "below":
                return SpatialRelation.Below;
            case "above":
                return SpatialRelation.Above;
            case "right" or "left":
                reader.SkipSpace();
                var of = reader.Position;
                if (reader.Word() != "of")
                {
                    throw new LocatorSyntaxException(reader.Query, of, $"Expected 'of' after '{key}'");
                }
                return key == "right" ? SpatialRelation.RightOf : SpatialRelation.LeftOf;
            default:
                return null;
        }
    }

    private static Locator Apply(Locator locator, string key, string value, bool contains, string query, int keyStart, int valueStart)
    {
        if (contains && key is not ("name" or "text" or "description"))
        {
            throw new LocatorSyntaxException(query, keyStart, $"'~=' (contains) works with name, text and description, not '{key}'");
        }
        return key switch
        {
            "role" => UiRoleNames.TryParse(value, out var role) ? locator with { Role = role } : locator with { BackendRole = value },
            "name" => locator with { Name = new TextCondition(value, contains) },
            "text" => locator with { Text = new TextCondition(value, contains) },
            "description" => locator with { Description = new TextCondition(value, contains) },
            "state" => locator with { States = locator.States | ParseState(value, query, valueStart) },
            "image" => locator with { ImagePath = value },
            "point" => locator with { Point = ParsePoint(value, query, valueStart) },
            "via" => locator with { Via = ParseChannel(value, query, valueStart) },
            _ => throw new LocatorSyntaxException(query, keyStart,
                $"Unknown key '{key}'; expected role, name, text, description, state, image, point or via"),
        };
    }

    private static UiStates ParseState(string value, string query, int position) =>
        Enum.TryParse<UiStates>(value.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var state)
            && state != UiStates.None && Enum.IsDefined(state)
            ? state
            : throw new LocatorSyntaxException(query, position, $"Unknown state '{value}'; expected e.g. enabled, focused, checked, editable, selected, showing");

    private static MatchChannel ParseChannel(string value, string query, int position) => value.ToLowerInvariant() switch
    {
        "ocr" => MatchChannel.Ocr,
        "accessibility" or "a11y" => MatchChannel.Accessibility,
        "image" => MatchChannel.Image,
        _ => throw new LocatorSyntaxException(query, position, $"Unknown channel '{value}'; expected via=ocr, via=accessibility or via=image"),
    };

    private static Point ParsePoint(string value, string query, int position)
    {
        try
        {
            return Geometry.Point.Parse(value);
        }
        catch (FormatException)
        {
            throw new LocatorSyntaxException(query, position, $"Expected a point as x,y (e.g. 640,400), found '{value}'");
        }
    }

    /// <summary>A cursor over the query.</summary>
    private sealed class Reader(string query)
    {
        public string Query { get; } = query;

        public int Position { get; set; }

        public bool AtEnd => Position >= Query.Length;

        public char Peek() => AtEnd ? '\0' : Query[Position];

        public void Advance() => Position++;

        public void SkipSpace()
        {
            while (!AtEnd && char.IsWhiteSpace(Query[Position]))
            {
                Position++;
            }
        }

        /// <summary>Letters, digits and '_' (a key or keyword).</summary>
        public string Word()
        {
            var start = Position;
            while (!AtEnd && (char.IsLetterOrDigit(Query[Position]) || Query[Position] == '_'))
            {
                Position++;
            }
            return Query[start..Position];
        }

        /// <summary>A quoted string (with \" and \\ escapes) or a bare value up to the next space.</summary>
        public string Value()
        {
            SkipSpace();
            if (AtEnd)
            {
                throw Error("Expected a value");
            }
            var quote = Peek();
            if (quote is '"' or '\'')
            {
                var open = Position;
                Advance();
                var value = new System.Text.StringBuilder();
                while (!AtEnd && Peek() != quote)
                {
                    if (Peek() == '\\' && Position + 1 < Query.Length)
                    {
                        Advance();
                    }
                    value.Append(Peek());
                    Advance();
                }
                if (AtEnd)
                {
                    throw new LocatorSyntaxException(Query, open, $"The quote opened here is never closed; expected a closing {quote}");
                }
                Advance();
                return value.ToString();
            }
            var start = Position;
            while (!AtEnd && !char.IsWhiteSpace(Peek()))
            {
                Position++;
            }
            return Query[start..Position];
        }

        public LocatorSyntaxException Error(string problem) => new(Query, Math.Min(Position, Query.Length), problem);
    }
}
