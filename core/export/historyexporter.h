#pragma once

#include "csvprofile.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace vigil
{

class HistoryReader;
class TagDirectory;

// What to export: tags, an inclusive time range, the profile and where (a file name inside a
// chosen directory).
struct HistoryExportRequest {
    QStringList tags;
    qint64 from = 0; // ms since the epoch, inclusive
    qint64 to = 0;
    CsvProfile profile = CsvProfile::machine();
    QString directory;
    QString fileName;
};

// Writes the raw history of some tags as CSV, one row per sample in time order
// (time, tag, value, unit, quality), merging the tags' streams with constant memory. The file
// appears only when complete (written to a temporary file next to it, then renamed).
class HistoryExporter
{
public:
    struct Result {
        bool ok = false;
        bool cancelled = false;
        QString path;
        qint64 rows = 0;
        QString error;
    };
    // Called every few thousand rows with the rows so far and the fraction of the time range
    // done; returning false cancels.
    using Progress = std::function<bool(qint64 rows, double fraction)>;

    HistoryExporter(HistoryReader &reader, const TagDirectory &tags);

    Result run(const HistoryExportRequest &request, const Progress &progress = {});

private:
    HistoryReader &m_reader;
    const TagDirectory &m_tags;
};

} // namespace vigil
