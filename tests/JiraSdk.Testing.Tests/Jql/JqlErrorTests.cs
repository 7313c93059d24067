using JiraSdk.Testing.Jql;

namespace JiraSdk.Testing.Tests.Jql;

/// <summary>Bad JQL raises <see cref="JqlException"/> with Jira's errorMessages.</summary>
public sealed class JqlErrorTests
{
    private const string Operators =
        "The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.";

    private static IReadOnlyList<string> Errors(string jql)
    {
        var engine = new JqlEngine(JqlTestData.FieldDefinitions);
        return Assert.Throws<JqlException>(() => engine.Compile(jql))!.ErrorMessages;
    }

    [TestCase("foo = bar", "Field 'foo' does not exist or you do not have permission to view it.")]
    [TestCase("cf[99999] = 1", "Field 'cf[99999]' does not exist or you do not have permission to view it.")]
    [TestCase("\"No Such Field\" is EMPTY", "Field 'No Such Field' does not exist or you do not have permission to view it.")]
    [TestCase("project = DOCS ORDER BY foo", "Field 'foo' does not exist or you do not have permission to view it.")]
    [TestCase("project = DOCS ORDER BY description", "Field 'description' does not support sorting.")]
    [TestCase("assignee = foo()", "Unable to find JQL function 'foo()'.")]
    [TestCase("assignee in (acc-bob, membersOf(x))", "Unable to find JQL function 'membersOf(x)'.")]
    [TestCase("status ~ Done", "The operator '~' is not supported by the 'status' field.")]
    [TestCase("summary = guide", "The operator '=' is not supported by the 'summary' field.")]
    [TestCase("labels > a", "The operator '>' is not supported by the 'labels' field.")]
    [TestCase("comment is EMPTY", "The operator 'is' is not supported by the 'comment' field.")]
    [TestCase("status in Done", "Operator 'in' does not support the non-list value 'Done' for field 'status'.")]
    [TestCase("status not in Done", "Operator 'not in' does not support the non-list value 'Done' for field 'status'.")]
    [TestCase("status = (Done, 'To Do')", "Operator '=' does not support the list value '(Done, To Do)' for field 'status'.")]
    [TestCase("status is Done", "The operator 'is' only supports searching for EMPTY values.")]
    [TestCase("summary ~ ''", "The field 'summary' does not support searching for an empty string.")]
    [TestCase("created > yesterday", "Date value 'yesterday' for field 'created' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.")]
    [TestCase("due = '2026-13-01'", "Date value '2026-13-01' for field 'due' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.")]
    [TestCase("created > startOfDay(1x)", "Duration for function 'startOfDay' should have the format (+/-)n(yMwdm), e.g -1M for 1 month earlier.")]
    [TestCase("created > startOfDay(1, 2)", "Function 'startOfDay' expected between '0' and '1' arguments but received '2'.")]
    [TestCase("created > -99999999999999999w", "Date value '-99999999999999999w' for field 'created' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.")]
    [TestCase("created > startOfDay(99999999999)", "Duration for function 'startOfDay' should have the format (+/-)n(yMwdm), e.g -1M for 1 month earlier.")]
    [TestCase("created > now(1)", "Function 'now' expected '0' arguments but received '1'.")]
    [TestCase("assignee = currentUser(x)", "Function 'currentUser' expected '0' arguments but received '1'.")]
    [TestCase("status = currentUser()", "A value provided by the function 'currentUser' is invalid for the field 'status'.")]
    [TestCase("assignee = now()", "A value provided by the function 'now' is invalid for the field 'assignee'.")]
    [TestCase("key = foo", "The issue key 'foo' for field 'key' is invalid.")]
    [TestCase("cf[10010] > many", "The value 'many' is not a valid number for field 'cf[10010]'.")]
    [TestCase("rank = 1", "The operator '=' is not supported by the 'rank' field.")]
    [TestCase("created > EMPTY", "The operator '>' does not support searching for EMPTY values.")]
    public void ValidationErrors(string jql, string expected) => Assert.That(Errors(jql), Is.EqualTo(new[] { expected }));

    [Test]
    public void EveryInvalidClauseIsReported() =>
        Assert.That(Errors("foo = 1 AND status ~ x OR bar = 2"), Is.EqualTo(new[]
        {
            "Field 'foo' does not exist or you do not have permission to view it.",
            "The operator '~' is not supported by the 'status' field.",
            "Field 'bar' does not exist or you do not have permission to view it.",
        }));

    [TestCase("project = DOCS AND status x", "Error in the JQL Query: Expecting operator but got 'x'. " + Operators + " (line 1, character 27)")]
    [TestCase("project", "Error in the JQL Query: Expecting operator before the end of the query. " + Operators)]
    [TestCase("project = ", "Error in the JQL Query: Expecting either a value, list or function before the end of the query.")]
    [TestCase("project = )", "Error in the JQL Query: Expecting either a value, list or function but got ')'. (line 1, character 11)")]
    [TestCase("project = AND", "Error in the JQL Query: Expecting either a value, list or function but got 'AND'. You must surround 'AND' in quotation marks to use it as a value. (line 1, character 11)")]
    [TestCase("project = DOCS project = WEB", "Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'project'. (line 1, character 16)")]
    [TestCase("project = DOCS)", "Error in the JQL Query: Expecting either 'OR' or 'AND' but got ')'. (line 1, character 15)")]
    [TestCase("(project = DOCS", "Error in the JQL Query: Expecting ')' before the end of the query.")]
    [TestCase("project = DOCS AND", "Error in the JQL Query: Expecting a field name at the end of the query.")]
    [TestCase("= DOCS", "Error in the JQL Query: Expecting a field name but got '='. (line 1, character 1)")]
    [TestCase("status in (Done", "Error in the JQL Query: Expecting ')' before the end of the query.")]
    [TestCase("status in (Done To)", "Error in the JQL Query: Expecting either ',' or ')' but got 'To'. (line 1, character 17)")]
    [TestCase("summary ~ \"abc", "Error in the JQL Query: The quoted string 'abc' has not been completed. (line 1, character 11)")]
    [TestCase("summary ~ win*", "Error in the JQL Query: The character '*' is a reserved JQL character. You must enclose it in a string or use the escape '\\u002a' instead. (line 1, character 14)")]
    [TestCase("created > 2026/11/30", "Error in the JQL Query: The character '/' is a reserved JQL character. You must enclose it in a string or use the escape '\\u002f' instead. (line 1, character 15)")]
    [TestCase("summary ~ 'a\\qb'", "Error in the JQL Query: The escape sequence '\\q' is invalid. (line 1, character 13)")]
    [TestCase("project = DOCS ORDER created", "Error in the JQL Query: Expecting 'BY' but got 'created'. (line 1, character 22)")]
    [TestCase("project = DOCS ORDER BY", "Error in the JQL Query: Expecting a field name at the end of the query.")]
    [TestCase("ORDER BY created DESC key", "Error in the JQL Query: Expecting ',' but got 'key'. (line 1, character 23)")]
    [TestCase("ORDER BY created sideways", "Error in the JQL Query: Expecting either 'ASC', 'DESC' or ',' but got 'sideways'. (line 1, character 18)")]
    [TestCase("project = DOCS\nAND status x", "Error in the JQL Query: Expecting operator but got 'x'. " + Operators + " (line 2, character 12)")]
    [TestCase("cf[abc] = 1", "Error in the JQL Query: Expecting a custom field id but got 'abc'. (line 1, character 4)")]
    public void SyntaxErrors(string jql, string expected) => Assert.That(Errors(jql), Is.EqualTo(new[] { expected }));
}
