#pragma once

#include "alarms/alarmengine.h"
#include "config/plantconfig.h"
#include "journal/journalwriter.h"
#include "tags/tagchange.h"
#include "util/manualclock.h"

#include <QString>

#include <map>
#include <memory>

namespace vigil::sim
{

// The alarm journal of the invented history: the change sets the history backfill commits run
// through the plant's real AlarmEngine on the simulated clock (delays, deadbands and latches as
// in a live run), and a simulated operator acknowledges each alarm a minute or two after it
// comes in (with a comment now and then). Everything goes to journal.db through the real
// JournalWriter, so the history page, the KPIs and the restore at the next start see the day.
class AlarmBackfill
{
public:
    struct Result {
        bool ok = false;
        QString error;
        quint64 transitions = 0;
        quint64 raised = 0;
        quint64 acknowledged = 0;
    };

    AlarmBackfill(const PlantConfig &plant, HistoryUrl journal);
    ~AlarmBackfill();

    // Opens the journal; refused (with the reason) when it already holds alarm transitions at or
    // after `from`: invented alarms never interleave with recorded ones.
    bool begin(qint64 from, QString *error);
    // The changes of one commit, in time order.
    void feed(const ChangeSet &changes);
    // Runs the clock to `to` and commits.
    Result finish(qint64 to);

private:
    void advanceTo(qint64 timeMs);
    void onTransitions(const AlarmTransitionBatch &batch);
    void acknowledgeDue();
    static qint64 operatorDelayMs(const AlarmTransition &raised);

    const PlantConfig &m_plant;
    HistoryUrl m_url;
    ManualClock m_clock;
    std::unique_ptr<AlarmEngine> m_engine;
    std::unique_ptr<JournalWriter> m_writer;
    std::multimap<qint64, quint32> m_acknowledgeAt; // time → alarm id
    Result m_result;
};

} // namespace vigil::sim
