using System.Globalization;
using System.Text;

namespace PhoneBridge.Twilio.TwiML;

/// <summary>
/// One TwiML element and its serialisation, byte for byte what the Twilio Node helper (xmlbuilder)
/// writes: no indentation, attributes in the order added, empty elements as <c>&lt;Name/&gt;</c>.
/// </summary>
internal sealed class TwiMLElement(string name)
{
    private readonly List<KeyValuePair<string, string>> _attributes = [];
    private string? _text;

    /// <summary>Child elements; a verb object shares its list so that later additions still appear.</summary>
    public List<TwiMLElement> Children { get; init; } = [];

    /// <summary>Adds an attribute unless <paramref name="value"/> is null (the helper skips undefined ones).</summary>
    public TwiMLElement Attribute(string attribute, string? value)
    {
        if (value is not null)
        {
            _attributes.Add(new(attribute, XmlChars.EnsureLegal(value, attribute)));
        }

        return this;
    }

    /// <summary>Adds a numeric attribute unless null.</summary>
    public TwiMLElement Attribute(string attribute, int? value) =>
        Attribute(attribute, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a boolean attribute as "true"/"false" unless null.</summary>
    public TwiMLElement Attribute(string attribute, bool? value) =>
        Attribute(attribute, value switch { true => "true", false => "false", null => null });

    /// <summary>Sets the text content; an empty text gives an empty element, as in the helper.</summary>
    public TwiMLElement Text(string text)
    {
        _text = XmlChars.EnsureLegal(text, nameof(text));
        return this;
    }

    /// <summary>Appends the element, its attributes, text and children.</summary>
    public void WriteTo(StringBuilder builder)
    {
        builder.Append('<').Append(name);
        foreach ((string attribute, string value) in _attributes)
        {
            builder.Append(' ').Append(attribute).Append("=\"");
            XmlChars.AppendAttributeEscaped(builder, value);
            builder.Append('"');
        }

        if (string.IsNullOrEmpty(_text) && Children.Count == 0)
        {
            builder.Append("/>");
            return;
        }

        builder.Append('>');
        XmlChars.AppendTextEscaped(builder, _text);
        foreach (TwiMLElement child in Children)
        {
            child.WriteTo(builder);
        }

        builder.Append("</").Append(name).Append('>');
    }
}
