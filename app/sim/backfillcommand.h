#pragma once

#include <QString>

#include <memory>

class QTextStream;

namespace vigil
{
struct PlantConfig;
}

namespace vigil::sim
{

class AlarmBackfill;
struct SimOptions;

// vigil-sim --backfill-history: loads the plant, writes options.backfillHours of its history
// ending now into the given database (HistoryBackfill), with --journal its alarms too
// (AlarmBackfill), and prints a summary line for each.
class BackfillCommand
{
public:
    // The exit code: 0 written, 1 refused or failed (the reason on `err`).
    static int run(const SimOptions &options, QTextStream &out, QTextStream &err);

    // --config, else VIGIL_CONFIG, else the demo plant of the build tree or the installation.
    static QString plantFile(const QString &given);
    // A history URL (sqlite:..., SCHEME://...) as given, or a file path made into
    // sqlite:ABSOLUTE_PATH.
    static QString historyUrl(const QString &urlOrPath);

private:
    // --journal: the alarms of the same hours into that journal (refused when it holds later
    // alarms), the summary line after the history's.
    static std::unique_ptr<AlarmBackfill>
    startAlarms(const PlantConfig &plant, const QString &target, qint64 from, QString *error);
    static bool finishAlarms(AlarmBackfill &alarms, qint64 to, QTextStream &out, QTextStream &err);
};

} // namespace vigil::sim
