using PinCovisor.Web.Orders;

namespace PinCovisor.Web.Tests.Orders;

public sealed class OrderFileTests : IDisposable
{
    private const string Header = "number,status,currency,title,quantity\n";
    private readonly string _path = Path.Combine(Path.GetTempPath(), "orders-" + Guid.NewGuid().ToString("N") + ".csv");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void ACellThatDoesNotParseNamesItsLine()
    {
        File.WriteAllText(_path, Header + "CD-1,Enviado,EUR,Taza,1\nCD-1,Enviado,EUR,\"Plato, hondo\",dos\n");

        var read = () => OrderFile.Read(_path);

        read.Should().Throw<FormatException>().WithMessage("line 3: \"dos\" is not a Int32 (invariant culture)");
    }

    [Fact]
    public void AQuotedFieldLeftOpenRefusesTheFile()
    {
        File.WriteAllText(_path, Header + "CD-1,Enviado,EUR,\"Taza,1\nCD-2,Enviado,EUR,Plato,1\n");

        var read = () => OrderFile.Read(_path);

        read.Should().Throw<FormatException>().WithMessage("A quoted CSV field is not closed.");
    }
}
