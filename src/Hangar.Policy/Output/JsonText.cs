using System.Collections;
using System.Text;
using System.Text.Json;

namespace Hangar.Policy.Output;

/// <summary>Writes <see cref="ObjectNode"/> trees as JSON, keys in insertion order.</summary>
public static class JsonText
{
    /// <summary>Writes <paramref name="root"/> as JSON.</summary>
    public static string Write(object? root, bool indented = false)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
            WriteValue(writer, root);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case int or long or short or byte or uint:
                writer.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case ObjectNode node:
                writer.WriteStartObject();
                foreach (var (key, item) in node)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, item);
                }
                writer.WriteEndObject();
                break;
            case IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list)
                    WriteValue(writer, item);
                writer.WriteEndArray();
                break;
            default:
                throw new NotSupportedException($"cannot write a {value.GetType().Name} as JSON");
        }
    }
}
