using Microsoft.Extensions.Options;

namespace PhoneBridge.Ivr;

/// <summary>Stops the host at start when <c>Ivr:OrderLookup</c> is unusable, naming the key.</summary>
internal sealed class IvrOrderValidation : IValidateOptions<IvrOptions>
{
    public ValidateOptionsResult Validate(string? name, IvrOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.OrderLookup.Validate() is { } failure ? ValidateOptionsResult.Fail(failure) : ValidateOptionsResult.Success;
    }
}
