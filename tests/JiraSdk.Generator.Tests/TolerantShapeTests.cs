using JiraSdk.Generator.Normalizations;

namespace JiraSdk.Generator.Tests;

/// <summary>The normalizations and code fixups that let the generated clients read a Jira newer than its spec and send bodies right.</summary>
public class TolerantShapeTests
{
    [Test]
    public void UriStringsStayStringsAndKeepTheFormatAsAnExtension()
    {
        var document = Spec.Parse("""
            {"components":{"schemas":{"User":{"properties":{"self":{"type":"string","format":"uri"},"when":{"type":"string","format":"date-time"}}}}},
             "paths":{"/x":{"get":{"parameters":[{"name":"url","in":"query","schema":{"type":"string","format":"uri"}}]}}}}
            """);

        new UriStrings().Apply(document);

        Assert.That(Spec.At(document, "/components/schemas/User/properties/self"), Is.EqualTo("""{"type":"string","x-jira-format":"uri"}"""));
        Assert.That(Spec.At(document, "/components/schemas/User/properties/when"), Is.EqualTo("""{"type":"string","format":"date-time"}"""));
        Assert.That(Spec.At(document, "/paths/~1x/get/parameters/0/schema"), Is.EqualTo("""{"type":"string","x-jira-format":"uri"}"""));
    }

    [Test]
    public void EachPolymorphicBaseGetsAGeneralSubtypeUnderTheWildcardKey()
    {
        var document = Spec.Parse("""
            {"components":{"schemas":{
              "Condition":{"type":"object","discriminator":{"propertyName":"nodeType","mapping":{"simple":"#/components/schemas/Simple"}}},
              "Simple":{"allOf":[{"$ref":"#/components/schemas/Condition"},{"type":"object"}]},
              "UnknownCondition":{"type":"string"}}}}
            """);

        new UnknownDiscriminatorSubtypes().Apply(document);
        new UnknownDiscriminatorSubtypes().Apply(document);

        Assert.That(Spec.At(document, "/components/schemas/Condition/discriminator/mapping"),
            Is.EqualTo("""{"simple":"#/components/schemas/Simple","*":"#/components/schemas/UnknownConditionValue"}"""));
        Assert.That(Spec.At(document, "/components/schemas/UnknownConditionValue/allOf/0"), Is.EqualTo("""{"$ref":"#/components/schemas/Condition"}"""));
    }

    [Test]
    public void FormAndMultipartBodiesAreBuiltByJiraSdk()
    {
        const string nswag = """
                            var json_ = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(body, JsonSerializerSettings);
                            var dictionary_ = System.Text.Json.JsonSerializer.Deserialize<System.Collections.Generic.Dictionary<string, string>>(json_, JsonSerializerSettings);
                            var content_ = new System.Net.Http.FormUrlEncodedContent(dictionary_);
                            var other_ = new System.Net.Http.MultipartFormDataContent(boundary_);
                            content_.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(body.ContentType);
            """;

        var code = CodeFixups.Apply(nswag);

        Assert.That(code, Does.Contain("var content_ = JiraSdk.Serialization.FormUrlEncodedBody.FromJson(json_);").And.Not.Contain("dictionary_"));
        Assert.That(code, Does.Contain("new JiraSdk.Serialization.MultipartFormBody(boundary_)").And.Not.Contain("MultipartFormDataContent"));
        Assert.That(code, Does.Contain("JiraSdk.Serialization.BinaryBody.ContentTypeOf(body.Data, body.ContentType)"));
    }
}
