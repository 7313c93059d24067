using System.Text.Json.Nodes;

namespace JiraSdk.Generator.Normalizations;

/// <summary>
/// About a hundred operations declare a JSON body for <c>204 No Content</c>. NSwag then tries to read an object from
/// the empty body and throws "Response was null". A 204 has no body by definition (RFC 9110 §15.3.5), so its content
/// is removed and the generated code treats it as success with a null/default result.
/// </summary>
internal sealed class NoContentResponses : ISpecNormalization
{
    public void Apply(SpecDocument document)
    {
        foreach (var operation in document.Operations())
        {
            if (operation.Node["responses"] is JsonObject responses && responses["204"] is JsonObject noContent && noContent.Remove("content"))
                document.Log($"{operation}: body removed from 204");
        }
    }
}
