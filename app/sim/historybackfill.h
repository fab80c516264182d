#pragma once

#include "config/plantconfig.h"
#include "demoplantfeed.h"
#include "history/historianoptions.h"
#include "tags/tagchange.h"

#include <QString>

#include <functional>
#include <vector>

namespace vigil::sim
{

// Invented history of the demo plant, written through the real Historian: the plant's devices
// as Vigil receives them (DemoPlantFeed, in simulated time), through the tag core (TagTable:
// scaling, deadband) into a Historian with the plant's [history] settings (heartbeats, rollups),
// committed every 10 simulated seconds, so that the trend page reads it as recorded data.
// It never interleaves with recorded history: run() refuses a database that holds samples of the
// plant's tags at or after the start.
class HistoryBackfill
{
public:
    struct Result {
        bool ok = false;
        QString error;       // why not, naming the database, tag or time
        int tags = 0;        // tags with history written
        quint64 changes = 0; // changes after deadband
        quint64 stored = 0;  // samples stored (changes and heartbeats)
        qint64 bytes = -1;   // database bytes in use afterwards (-1: unknown)
        std::vector<DemoPlantFeed::Coverage> coverage;
    };
    using CommitObserver = std::function<void(const ChangeSet &changes)>;

    // `options.url` is where history goes; its config is replaced by the plant's [history].
    HistoryBackfill(const PlantConfig &plant, HistorianOptions options);

    // Sees every change set before the historian commits it (bench_history's baseline).
    void setCommitObserver(CommitObserver observer) { m_observer = std::move(observer); }

    // Writes the history of [from, to) (milliseconds since the epoch).
    Result run(qint64 from, qint64 to);

    // Empty if the database holds no history of the plant's tags at or after `from`; otherwise
    // what it holds (tag and time) or why it cannot be read.
    static QString laterHistory(const QString &url, const TagDirectory &tags, qint64 from);

private:
    const PlantConfig &m_plant;
    HistorianOptions m_options;
    CommitObserver m_observer;
};

} // namespace vigil::sim
