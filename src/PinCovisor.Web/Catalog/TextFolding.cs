using System.Globalization;
using System.Text;

namespace PinCovisor.Web.Catalog;

/// <summary>
/// Folds text for matching: lower case, accents removed, punctuation as spaces, so "bolso azul"
/// finds "Bolso Azul Marino" and "camion" finds "Camión".
/// </summary>
internal static class TextFolding
{
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            folded.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        // "ß" and ligatures survive FormD; ToLowerInvariant leaves them, which is fine for containment.
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    public static string[] Words(string text) => Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
