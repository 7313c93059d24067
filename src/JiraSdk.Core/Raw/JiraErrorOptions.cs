namespace JiraSdk.Raw;

/// <summary>What a call does with a response that failed (modelled on Azure.Core's <c>ErrorOptions</c>).</summary>
public enum JiraErrorOptions
{
    /// <summary>
    /// A failed response (status 400 or more, a failed <c>X-Seraph-LoginReason</c>, a CAPTCHA demand, an HTML login page)
    /// raises its <see cref="Errors.JiraException"/>.
    /// </summary>
    Default = 0,

    /// <summary>Every response comes back as it is, for the caller to inspect; network failures and timeouts still raise.</summary>
    NoThrow = 1,
}
