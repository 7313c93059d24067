using JiraSdk.Errors;

namespace JiraSdk.Tests.Errors;

public class ErrorCollectionTests
{
    [Test]
    public void ReadsErrorMessagesAndFieldErrors()
    {
        var ex = new JiraApiException("bad", 400, "{\"errorMessages\":[\"Field 'x' is wrong\"],\"errors\":{\"summary\":\"required\"}}", null, null);

        Assert.That(ex.StatusCode, Is.EqualTo(400));
        Assert.That(ex.ErrorMessages, Is.EqualTo(new[] { "Field 'x' is wrong" }));
        Assert.That(ex.Errors["summary"], Is.EqualTo("required"));
    }

    [Test]
    public void KeepsABoundedBodyWhenTheBodyIsNotJson()
    {
        var html = "<html>" + new string('x', 10_000) + "</html>";
        var ex = new JiraApiException("bad gateway", 502, html, null, null);

        Assert.That(ex.ErrorMessages, Is.Empty);
        Assert.That(ex.Errors, Is.Empty);
        Assert.That(ex.Body, Has.Length.EqualTo(JiraApiException.MaxBodyLength));
    }
}
