using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PinCovisor.Web.Orders;

namespace PinCovisor.Web.Tests.Properties;

/// <summary>
/// Order numbers over arbitrary chat texts with numbers put in: every mark is the text it names,
/// marks are in order and apart (what the console relies on to build the line), and every number
/// put in between spaces is found.
/// </summary>
public sealed class OrderNumberProperties
{
    private const int Runs = 300;

    private static readonly OrderNumbers Numbers = new(Options.Create(new OrdersOptions()), NullLogger<OrderNumbers>.Instance);

    private static readonly Gen<string> Number =
        from letters in Gen.Elements("ABCDEFGHIJKLMNOPQRSTUVWXYZ".ToCharArray()).ArrayOf(2)
        from hyphen in Gen.Elements("-", "")
        from digits in Gen.Choose(0, 999_999)
        select new string(letters) + hyphen + digits.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    private static readonly Gen<string> Filler = Gen.Elements("hola", "¿", "👟", "AB-12", "x", "\n", "ñ", "123", "-", "")
        .ArrayOf().Select(parts => string.Concat(parts));

    [Property(MaxTest = Runs)]
    public Property MarksNameTheirTextInOrderAndFindEveryNumberPutIn() =>
        Prop.ForAll(Arb.From(Gen.Zip(Filler, Number).ArrayOf()), pieces =>
        {
            var text = string.Concat(pieces.Select(p => p.Item1 + " " + p.Item2 + " "));
            var found = Numbers.Find(text) ?? [];
            var inOrder = found.Zip(found.Skip(1)).All(pair => pair.First.Start + pair.First.Length <= pair.Second.Start);
            var exact = found.All(o => text.Substring(o.Start, o.Length) == o.Number);
            var all = pieces.Select(p => p.Item2).All(n => found.Any(o => o.Number == n));
            return inOrder && exact && all;
        });
}
