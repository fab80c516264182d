#include "alarmjournaltext.h"

#include <QCoreApplication>

#include <array>
#include <utility>

namespace vigil
{

namespace
{

constexpr const char *kContext = "vigil::AlarmJournalText";

QString translated(const char *text)
{
    return QCoreApplication::translate(kContext, text);
}

template<size_t N>
QString lookUp(const std::array<std::pair<const char *, const char *>, N> &table,
               const QString &key)
{
    for (const auto &[id, text] : table) {
        if (key == QLatin1String(id))
            return translated(text);
    }
    return key;
}

const std::array<std::pair<const char *, const char *>, 13> kTransitions{{
    {"raised", QT_TRANSLATE_NOOP("vigil::AlarmJournalText", "Raised")},
    {"cleared", QT_TRANSLATE_NOOP("vigil::AlarmJournalText", "Cleared")},
    {"latched", QT_TRANSLATE_NOOP("vigil::AlarmJournalText", "Latched")},
    {"reset", QT_TRANSLATE_NOOP("vigil::AlarmJournalText", "Reset")},
    {"acknowledged", QT_TRANSLATE_NOOP("vigil::AlarmJournalText", "Acknowledged")},
    {"realarmed", QT_TRANSLATE_NOOP("vigil::AlarmJournalText", "Re-alarmed")},
    {"shelved", QT_TRANSLATE_NOOP("vigil::AlarmJournalText", "Shelved")},
    {"unshelved", QT_TRANSLATE_NOOP("vigil::AlarmJournalText", "Unshelved")},
    {"shelveended", QT_TRANSLATE_NOOP("vigil::AlarmJournalText", "Shelving ended")},
    {"suppressed", QT_TRANSLATE_NOOP("vigil::AlarmJournalText", "Suppressed")},
    {"unsuppressed", QT_TRANSLATE_NOOP("vigil::AlarmJournalText", "Unsuppressed")},
    {"outofservice", QT_TRANSLATE_NOOP("vigil::AlarmJournalText", "Out of service")},
    {"inservice", QT_TRANSLATE_NOOP("vigil::AlarmJournalText", "Back in service")},
}};

const std::array<std::pair<const char *, const char *>, 10> kEventKinds{{
    {"device.connected", QT_TRANSLATE_NOOP("vigil::AlarmJournalText", "Device connected")},
    {"device.degraded", QT_TRANSLATE_NOOP("vigil::AlarmJournalText", "Device degraded")},
    {"device.disconnected", QT_TRANSLATE_NOOP("vigil::AlarmJournalText", "Device disconnected")},
    {"device.stopped", QT_TRANSLATE_NOOP("vigil::AlarmJournalText", "Device stopped")},
    {"historian.degraded", QT_TRANSLATE_NOOP("vigil::AlarmJournalText", "History degraded")},
    {"historian.recovered", QT_TRANSLATE_NOOP("vigil::AlarmJournalText", "History recovered")},
    {"historian.corrupt", QT_TRANSLATE_NOOP("vigil::AlarmJournalText", "History database corrupt")},
    {"historian.rejected", QT_TRANSLATE_NOOP("vigil::AlarmJournalText", "History rows rejected")},
    {"historian.clockjump", QT_TRANSLATE_NOOP("vigil::AlarmJournalText", "Clock jump in history")},
    {"plant.loaded", QT_TRANSLATE_NOOP("vigil::AlarmJournalText", "Plant loaded")},
}};

} // namespace

QString AlarmJournalText::priority(int priority)
{
    switch (priority) {
    case 4:
        return translated(QT_TRANSLATE_NOOP("vigil::AlarmJournalText", "CRIT"));
    case 3:
        return translated(QT_TRANSLATE_NOOP("vigil::AlarmJournalText", "HIGH"));
    case 2:
        return translated(QT_TRANSLATE_NOOP("vigil::AlarmJournalText", "MED"));
    case 1:
        return translated(QT_TRANSLATE_NOOP("vigil::AlarmJournalText", "LOW"));
    default:
        return QString::number(priority);
    }
}

QString AlarmJournalText::transition(const QString &kind)
{
    return lookUp(kTransitions, kind);
}

QString AlarmJournalText::eventKind(const QString &kind)
{
    return lookUp(kEventKinds, kind);
}

QString AlarmJournalText::severity(int severity)
{
    switch (severity) {
    case 0:
        return translated(QT_TRANSLATE_NOOP("vigil::AlarmJournalText", "INFO"));
    case 1:
        return translated(QT_TRANSLATE_NOOP("vigil::AlarmJournalText", "WARNING"));
    default:
        return translated(QT_TRANSLATE_NOOP("vigil::AlarmJournalText", "ERROR"));
    }
}

} // namespace vigil
