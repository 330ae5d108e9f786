using System.Data;
using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Signal.Infrastructure.Persistence.TypeHandlers;

/// <summary><c>jsonb</c> ↔ <see cref="JsonObject"/>: configs, parameters and other free-form objects.</summary>
internal sealed class JsonbHandler : SqlMapper.TypeHandler<JsonObject>
{
    public override void SetValue(IDbDataParameter parameter, JsonObject? value)
    {
        parameter.Value = value is null ? DBNull.Value : value.ToJsonString();
        ((NpgsqlParameter)parameter).NpgsqlDbType = NpgsqlDbType.Jsonb;
    }

    public override JsonObject Parse(object value) => value switch
    {
        string text => JsonNode.Parse(text)?.AsObject()
            ?? throw new DataException("A jsonb column expected to hold an object holds null."),
        _ => throw new DataException($"Cannot read a {value.GetType().Name} as jsonb."),
    };
}
