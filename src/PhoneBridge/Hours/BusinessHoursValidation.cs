using Microsoft.Extensions.Options;

namespace PhoneBridge.Hours;

/// <summary>Rejects an unusable schedule at start-up with a message naming the key.</summary>
internal sealed class BusinessHoursValidation : IValidateOptions<BusinessHoursOptions>
{
    public ValidateOptionsResult Validate(string? name, BusinessHoursOptions options) =>
        BusinessHours.Validate(options) is { } failure
            ? ValidateOptionsResult.Fail(failure)
            : ValidateOptionsResult.Success;
}
