#pragma once

#include <QString>

namespace vigil
{

// What the journal has done since start, for status displays and tests.
struct JournalStats {
    bool open = false; // the database is open and the last write succeeded
    QString failure;   // why the last write or open failed; empty when healthy
    quint64 transitionsWritten = 0;
    quint64 eventsWritten = 0;
    quint64 failedWrites = 0;       // transactions (or opens) that failed
    quint64 droppedTransitions = 0; // held back too long while failing, then dropped
    quint64 droppedEvents = 0;
    qint64 pending = 0; // transitions and events held for the next transaction
};

} // namespace vigil
