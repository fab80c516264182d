// AlarmEngine's restore after a restart, kept apart from the evaluation it precedes.

#include "alarmengine.h"

#include "tags/tagdirectory.h"
#include "util/logging.h"

#include <QStringList>

namespace vigil
{

int AlarmEngine::restore(const AlarmSavedStates &saved)
{
    const AlarmStep now = step();
    int restored = 0;
    QStringList skipped;
    for (const AlarmSavedState &s : saved) {
        const std::optional<quint32> id = restorableId(s.key);
        if (!id) {
            skipped.append(s.key);
            continue;
        }
        m_current = *id;
        m_values[*id] = s.value;
        if (!s.detail.isEmpty())
            m_details.insert(*id, s.detail);
        // Wall time is all that outlives the process: the remaining shelve time counts from now
        // on the monotonic clock, so a clock jump after the restart cannot shorten it.
        const qint64 remaining = s.shelveUntilWallMs > 0 ? s.shelveUntilWallMs - now.wallMs : 0;
        m_states[*id].restore(s.flags, s.stamps, remaining, now);
        m_checks[*id].condition = m_states[*id].condition();
        schedule(*id);
        ++restored;
    }
    if (!skipped.isEmpty())
        qCWarning(lcAlarms).noquote()
            << "saved alarm states not restored, the plant no longer has these alarms:"
            << skipped.join(u", ");
    qCInfo(lcAlarms) << "restored the saved states of" << restored << "alarms";
    flush();
    return restored;
}

std::optional<quint32> AlarmEngine::restorableId(const QString &key)
{
    if (const std::optional<quint32> id = m_catalog.idOf(key))
        return id;
    // A command failure's alarm exists once a command failed: create it again if its tag does.
    static const QString failure = QStringLiteral("/commandfailure");
    if (!key.endsWith(failure))
        return std::nullopt;
    const std::optional<quint32> tag = m_directory->indexOf(key.chopped(failure.size()));
    if (!tag)
        return std::nullopt;
    const quint32 id = m_catalog.addCommandFailure(*tag);
    if (id >= m_states.size())
        addState(id);
    return id;
}

} // namespace vigil
