#pragma once

#include <QString>

namespace vigil
{

// What an operator reads about journal entries, in the UI language. The journal stores fixed
// English identifiers ("raised", "device.connected", priority 4); the history and events pages
// show these words instead.
class AlarmJournalText
{
public:
    // "CRIT", "HIGH", "MED", "LOW": the priority text beside its colour and shape.
    static QString priority(int priority);
    // "Raised", "Acknowledged", "Shelved", ... for an alarm transition kind; unknown: as stored.
    static QString transition(const QString &kind);
    // "Device connected", "Historian degraded", ... for a system event kind; unknown: as stored.
    static QString eventKind(const QString &kind);
    // "INFO", "WARNING", "ERROR" for an event severity.
    static QString severity(int severity);
};

} // namespace vigil
