namespace PinCovisor.Web.Agents;

/// <summary>Checks a <see cref="CreateAgentRequest"/>; the errors, by JSON field, as a validation problem lists them.</summary>
internal static class NewAgentValidation
{
    public const int MinPasswordLength = 10;
    public const int MaxPasswordLength = 1024;
    public const int MaxDisplayNameLength = 100;
    public const int MaxPhoneNumbers = 5;

    public static Dictionary<string, string[]> Errors(CreateAgentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        if (!AgentNames.IsValidUsername(request.Username))
        {
            errors["username"] = ["1-64 letters, digits, '.', '_' or '-', starting with a letter or digit."];
        }

        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Length > MaxDisplayNameLength)
        {
            errors["displayName"] = [$"Required, up to {MaxDisplayNameLength} characters."];
        }

        if (request.Password is null || request.Password.Length is < MinPasswordLength or > MaxPasswordLength)
        {
            errors["password"] = [$"Between {MinPasswordLength} and {MaxPasswordLength} characters."];
        }

        var numbers = request.PhoneNumbers ?? [];
        if (numbers.Count > MaxPhoneNumbers || !numbers.All(AgentNames.IsValidPhoneNumber))
        {
            errors["phoneNumbers"] = [$"Up to {MaxPhoneNumbers} E.164 numbers, e.g. +34600111222."];
        }

        if (request.ClientIdentity is not null && !AgentNames.IsValidClientIdentity(request.ClientIdentity))
        {
            errors["clientIdentity"] = ["1-121 letters, digits or '_'."];
        }

        return errors;
    }
}
