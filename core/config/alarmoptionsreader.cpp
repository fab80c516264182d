#include "alarmoptionsreader.h"

#include "configreader.h"

namespace vigil
{

namespace
{

constexpr qint64 kMinute = 60'000;
constexpr qint64 kHour = 60 * kMinute;

void readPriority(ConfigReader &r, QStringView key, AlarmPriority &priority)
{
    if (const std::optional<QString> name = r.choice(key, alarmPriorityNames()))
        priority = *parseAlarmPriority(*name);
}

} // namespace

AlarmEngineOptions AlarmOptionsReader::read(const ConfigNode *table, Diagnostics &diagnostics)
{
    AlarmEngineOptions options;
    if (!table)
        return options;
    ConfigReader r(*table, QStringLiteral("alarms"), diagnostics);
    // Zero raises the bad-quality alarm at once; beyond an hour an operator would act on values
    // that nobody has been able to read for that long.
    options.badQualityDelayMs =
        r.durationMs(u"bad_quality_delay", 0, kHour).value_or(options.badQualityDelayMs);
    // A shelve shorter than a minute is no relief; one longer than a week is a forgotten alarm
    // (taking it out of service is the honest tool then).
    options.maxShelveMs =
        r.durationMs(u"max_shelve", kMinute, 7 * 24 * kHour).value_or(options.maxShelveMs);
    readPriority(r, u"bad_quality_priority", options.badQualityPriority);
    readPriority(r, u"comm_loss_priority", options.commLossPriority);
    readPriority(r, u"command_failure_priority", options.commandFailurePriority);
    r.finish();
    return options;
}

} // namespace vigil
