using System.Text;
using System.Text.Json;
using JiraSdk.Webhooks.Events;
using JiraSdk.Webhooks.Parsing;

namespace JiraSdk.Webhooks.Tests.Parsing;

/// <summary>A delivery's issue fields are the delivery's own: read from a slice of a larger buffer, and kept after the buffer is reused.</summary>
public class WebhookIssueFieldsTests
{
    [Test]
    public void IssueFieldsReadFromASliceOfAReusedBufferStayTheDeliverysOwn()
    {
        const string delivery = """
            {"webhookEvent":"jira:issue_updated","timestamp":1732870800123,"issue_event_type_name":"issue_generic",
             "issue":{"id":"10042","key":"DOCS-17","fields":{
               "summ\u0061ry":"Caf\u00e9 \"menu\"", "status":{"name":"Done","id":"3"}, "issuetype":{"subtask":true},
               "customfield_10016":8}}}
            """;
        var buffer = new byte[4096];
        buffer.AsSpan().Fill((byte)' ');
        var length = Encoding.UTF8.GetBytes(delivery, 0, delivery.Length, buffer, 17);

        var e = (IssueUpdatedEvent)new JiraWebhookParser().Parse(new ReadOnlyMemory<byte>(buffer, 17, length));
        buffer.AsSpan().Fill((byte)'!');

        var fields = e.Issue!.Fields!;
        Assert.That(fields.Summary, Is.EqualTo("Café \"menu\""));
        Assert.That(fields.Status?.Name, Is.EqualTo("Done"));
        Assert.That(fields.IssueType?.IsSubtask, Is.True);
        Assert.That(((JsonElement)fields["customfield_10016"]).GetInt32(), Is.EqualTo(8));
        Assert.That(e.Raw.GetProperty("issue").GetProperty("key").GetString(), Is.EqualTo("DOCS-17"));
    }
}
