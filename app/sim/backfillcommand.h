#pragma once

#include <QString>

class QTextStream;

namespace vigil::sim
{

struct SimOptions;

// vigil-sim --backfill-history: loads the plant, writes options.backfillHours of its history
// ending now into the given database (HistoryBackfill) and prints one summary line.
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
};

} // namespace vigil::sim
