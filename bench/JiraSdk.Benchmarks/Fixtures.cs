using System.Text;

namespace JiraSdk.Benchmarks;

/// <summary>Issue JSON shaped like Jira Cloud's: system fields, an ADF description and a spread of custom fields.</summary>
internal static class Fixtures
{
    public static string Issue(int n)
    {
        var json = new StringBuilder();
        json.Append($$"""
        {"expand":"renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations","id":"{{10000 + n}}","self":"https://example.atlassian.net/rest/api/3/issue/{{10000 + n}}","key":"DOCS-{{n}}","fields":{
        "summary":"Document the retry policy for issue {{n}}",
        "status":{"self":"https://example.atlassian.net/rest/api/3/status/3","description":"","iconUrl":"https://example.atlassian.net/images/icons/statuses/inprogress.png","name":"In Progress","id":"3","statusCategory":{"self":"https://example.atlassian.net/rest/api/3/statuscategory/4","id":4,"key":"indeterminate","colorName":"yellow","name":"In Progress"}},
        "issuetype":{"self":"https://example.atlassian.net/rest/api/3/issuetype/10002","id":"10002","description":"A small, distinct piece of work.","iconUrl":"https://example.atlassian.net/rest/api/2/universal_avatar/view/type/issuetype/avatar/10318?size=medium","name":"Task","subtask":false,"avatarId":10318,"hierarchyLevel":0},
        "project":{"self":"https://example.atlassian.net/rest/api/3/project/10000","id":"10000","key":"DOCS","name":"Documentation","projectTypeKey":"software","simplified":true,"avatarUrls":{"48x48":"https://example.atlassian.net/rest/api/3/universal_avatar/view/type/project/avatar/10411","24x24":"https://example.atlassian.net/rest/api/3/universal_avatar/view/type/project/avatar/10411?size=small"}},
        "assignee":{"self":"https://example.atlassian.net/rest/api/3/user?accountId=5b10ac8d82e05b22cc7d4ef5","accountId":"5b10ac8d82e05b22cc7d4ef5","emailAddress":"mia@example.com","displayName":"Mia Krystof","active":true,"timeZone":"Europe/Berlin","accountType":"atlassian"},
        "reporter":{"self":"https://example.atlassian.net/rest/api/3/user?accountId=5b10a2844c20165700ede21g","accountId":"5b10a2844c20165700ede21g","displayName":"John Smith","active":true,"timeZone":"Europe/London","accountType":"atlassian"},
        "priority":{"self":"https://example.atlassian.net/rest/api/3/priority/2","iconUrl":"https://example.atlassian.net/images/icons/priorities/high.svg","name":"High","id":"2"},
        "labels":["docs","retry","q4"],
        "created":"2024-01-31T09:15:00.000+0100","updated":"2024-02-01T10:00:00.000+0000","duedate":null,"resolution":null,"resolutiondate":null,
        "description":{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"Explain how the SDK retries 429 and 503 answers, and why Retry-After is a minimum."}]},{"type":"bulletList","content":[{"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"jitter"}]}]},{"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"caps"}]}]}]}]},
        "components":[{"self":"https://example.atlassian.net/rest/api/3/component/10000","id":"10000","name":"SDK"}],
        "fixVersions":[],"versions":[],"issuelinks":[],"subtasks":[],"watches":{"self":"https://example.atlassian.net/rest/api/3/issue/DOCS-{{n}}/watchers","watchCount":2,"isWatching":true},
        "votes":{"self":"https://example.atlassian.net/rest/api/3/issue/DOCS-{{n}}/votes","votes":0,"hasVoted":false},
        "timetracking":{},"environment":null,"lastViewed":"2024-02-01T11:00:00.000+0000"
        """);
        for (var c = 10010; c < 10030; c++)
            json.Append(c % 3 == 0 ? $",\"customfield_{c}\":null" : c % 3 == 1 ? $",\"customfield_{c}\":\"value {c}\"" : $",\"customfield_{c}\":{{\"id\":\"{c}\",\"value\":\"Option {c}\"}}");
        json.Append("}}");
        return json.ToString().Replace("\n", string.Empty);
    }

    public static string SearchPage(int size) =>
        "{\"issues\":[" + string.Join(",", Enumerable.Range(1, size).Select(Issue)) + "],\"isLast\":true}";
}
