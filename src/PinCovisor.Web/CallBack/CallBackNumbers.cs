using PhoneNumbers;

namespace PinCovisor.Web.CallBack;

/// <summary>
/// Reads the number a customer typed with libphonenumber: valid for its country, and a landline or
/// a mobile. Premium-rate, shared-cost and other special numbers are refused, so nobody can make the
/// shop pay for calling them.
/// </summary>
internal static class CallBackNumbers
{
    // Longer than any way of writing a real number, spaces and punctuation included.
    private const int MaxTypedLength = 40;

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The number in E.164, or null when it is not one the shop may call.</summary>
    /// <param name="typed">What the customer typed (<c>600 11 12 22</c>, <c>+44 20 7946 0958</c>…).</param>
    /// <param name="defaultRegion">The country of a number typed without its country code (<c>ES</c>).</param>
    public static string? ToE164(string? typed, string defaultRegion)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > MaxTypedLength)
        {
            return null;
        }

        try
        {
            var number = Util.Parse(typed, defaultRegion);
            return Util.IsValidNumber(number) && Util.GetNumberType(number) is PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE
                    or PhoneNumberType.FIXED_LINE_OR_MOBILE
                ? Util.Format(number, PhoneNumberFormat.E164)
                : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
