using System.Data;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Signal.Infrastructure.Persistence.TypeHandlers;

/// <summary>
/// <c>timestamptz</c> ↔ <see cref="DateTimeOffset"/> in UTC. Npgsql reads <c>timestamptz</c> as a UTC
/// <see cref="DateTime"/> and refuses to write offsets other than zero, so both directions normalise to UTC.
/// </summary>
internal sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
    {
        parameter.Value = value.ToUniversalTime();
        ((NpgsqlParameter)parameter).NpgsqlDbType = NpgsqlDbType.TimestampTz;
    }

    public override DateTimeOffset Parse(object value) => value switch
    {
        DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        DateTimeOffset dateTimeOffset => dateTimeOffset.ToUniversalTime(),
        _ => throw new DataException($"Cannot read a {value.GetType().Name} as a timestamptz."),
    };
}
