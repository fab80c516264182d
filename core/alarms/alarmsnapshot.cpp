#include "alarmsnapshot.h"

#include "alarmstate.h"

namespace vigil
{

AlarmSnapshot AlarmSnapshot::of(const AlarmDefinition &d, const AlarmState &state, double value,
                                const QString &detail, qint64 wallNowMs, qint64 monoNowMs)
{
    AlarmSnapshot s;
    s.id = d.id;
    s.key = d.key;
    s.tagId = d.tagId;
    s.device = d.device;
    s.source = d.source;
    s.type = d.rule.type;
    s.priority = d.rule.priority;
    s.message = d.rule.message;
    s.detail = detail;
    s.flags = state.flags();
    s.value = value;
    s.limit = d.rule.limit;
    const AlarmStamps &st = state.stamps();
    s.activeTimeMs = st.activeMs;
    s.clearedTimeMs = st.clearedMs;
    s.ackTimeMs = st.ackMs;
    s.ackUser = st.ackUser;
    s.ackComment = st.ackComment;
    if (s.flags.shelved) {
        s.shelveUser = st.shelveUser;
        s.shelveReason = st.shelveReason;
        if (state.shelveUntilMono() >= 0)
            s.shelveExpiryMs = wallNowMs + (state.shelveUntilMono() - monoNowMs);
    }
    s.outOfServiceUser = st.outOfServiceUser;
    s.cause = d.rule.cause;
    s.consequence = d.rule.consequence;
    s.action = d.rule.action;
    s.responseTimeMs = d.rule.responseTimeMs;
    return s;
}

int AlarmCounts::of(AlarmPriority p) const
{
    switch (p) {
    case AlarmPriority::Low:
        return low;
    case AlarmPriority::Medium:
        return medium;
    case AlarmPriority::High:
        return high;
    case AlarmPriority::Critical:
        return critical;
    }
    return 0;
}

void AlarmCounts::add(AlarmPriority p)
{
    switch (p) {
    case AlarmPriority::Low:
        ++low;
        break;
    case AlarmPriority::Medium:
        ++medium;
        break;
    case AlarmPriority::High:
        ++high;
        break;
    case AlarmPriority::Critical:
        ++critical;
        break;
    }
}

} // namespace vigil
