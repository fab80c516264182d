#include "historyexporter.h"

#include "csvwriter.h"
#include "exportpath.h"
#include "history/historycursor.h"
#include "history/historyreader.h"
#include "tags/tagdirectory.h"

#include <QSaveFile>

#include <memory>
#include <optional>
#include <vector>

namespace vigil
{

namespace
{

constexpr int kTextPage = 1000;
constexpr qint64 kProgressEvery = 5000;

// One tag's rows in time order: numeric samples through a cursor, text samples page by page.
struct Stream {
    const TagDefinition *tag = nullptr;
    std::unique_ptr<HistoryCursor> cursor;
    qint32 key = -1;
    QList<HistoryReader::TextSample> page;
    qsizetype pageIndex = 0;
    qint64 pageOffset = 0;
    bool textDone = false;
    // The current row.
    bool has = false;
    HistorySample sample;
    QString text;
};

QString checkRequest(const HistoryExportRequest &request)
{
    if (request.tags.isEmpty())
        return QStringLiteral("no tags to export");
    if (request.to < request.from)
        return QStringLiteral("the time range ends before it starts");
    return QString();
}

// One stream per requested tag; a tag without history yet gets an empty stream (key < 0).
QString openStreams(HistoryReader &reader, const TagDirectory &tags,
                    const HistoryExportRequest &request, std::vector<Stream> &streams)
{
    streams.resize(size_t(request.tags.size()));
    for (qsizetype i = 0; i < request.tags.size(); ++i) {
        const std::optional<quint32> index = tags.indexOf(request.tags[i]);
        if (!index)
            return QStringLiteral("unknown tag '%1'").arg(request.tags[i]);
        Stream &s = streams[size_t(i)];
        s.tag = &tags.at(*index);
        const std::optional<qint32> key = reader.tagKey(s.tag->id);
        if (!key) {
            if (!reader.lastError().isEmpty())
                return reader.lastError();
            continue;
        }
        s.key = *key;
        if (s.tag->type != DataType::String)
            s.cursor = std::make_unique<HistoryCursor>(
                reader, *key, reader.uncommitted(s.tag->id, *key), request.from, request.to);
    }
    return QString();
}

bool advanceNumeric(Stream &s, QString *error)
{
    s.has = s.cursor->next(s.sample);
    if (!s.has && !s.cursor->error().isEmpty()) {
        *error = s.cursor->error();
        return false;
    }
    return true;
}

bool advanceText(HistoryReader &reader, const HistoryExportRequest &request, Stream &s,
                 QString *error)
{
    if (s.pageIndex >= s.page.size() && !s.textDone) {
        if (!reader.textPage(s.key, request.from, request.to, s.pageOffset, kTextPage, s.page)) {
            *error = reader.lastError();
            return false;
        }
        s.pageOffset += s.page.size();
        s.pageIndex = 0;
        s.textDone = s.page.size() < kTextPage;
    }
    if (s.pageIndex < s.page.size()) {
        const HistoryReader::TextSample &t = s.page[s.pageIndex++];
        s.sample = {t.time, 0.0, t.quality};
        s.text = t.text;
        s.has = true;
    }
    return true;
}

// Moves a stream to its next row (has = false at its end).
bool advance(HistoryReader &reader, const HistoryExportRequest &request, Stream &s, QString *error)
{
    s.has = false;
    if (s.key < 0)
        return true;
    return s.cursor ? advanceNumeric(s, error) : advanceText(reader, request, s, error);
}

// The stream whose current row is the oldest (null when all are done).
Stream *earliest(std::vector<Stream> &streams)
{
    Stream *next = nullptr;
    for (Stream &s : streams) {
        if (s.has && (!next || s.sample.time < next->sample.time))
            next = &s;
    }
    return next;
}

void writeHeader(CsvWriter &csv)
{
    csv.begin();
    for (const char *title : {"time", "tag", "value", "unit", "quality"})
        csv.text(QString::fromLatin1(title));
    csv.endRow();
}

bool writeRow(CsvWriter &csv, const Stream &s)
{
    csv.time(s.sample.time);
    csv.text(s.tag->id);
    if (s.cursor)
        csv.number(s.sample.value);
    else
        csv.text(s.text);
    csv.text(s.tag->unit);
    csv.text(qualityName(s.sample.quality));
    return csv.endRow();
}

// Merges the streams in time order into the CSV; false on a read or write error (error set for
// a read error or a cancel, empty for a write error) or when progress cancels.
bool writeRows(HistoryReader &reader, const HistoryExportRequest &request,
               std::vector<Stream> &streams, CsvWriter &csv,
               const HistoryExporter::Progress &progress, HistoryExporter::Result &result)
{
    for (Stream &s : streams) {
        if (!advance(reader, request, s, &result.error))
            return false;
    }
    const double span = double(std::max<qint64>(1, request.to - request.from));
    while (Stream *next = earliest(streams)) {
        if (!writeRow(csv, *next))
            return false;
        ++result.rows;
        if (progress && result.rows % kProgressEvery == 0 &&
            !progress(result.rows, double(next->sample.time - request.from) / span)) {
            result.cancelled = true;
            result.error = QStringLiteral("cancelled");
            return false;
        }
        if (!advance(reader, request, *next, &result.error))
            return false;
    }
    return true;
}

} // namespace

HistoryExporter::HistoryExporter(HistoryReader &reader, const TagDirectory &tags)
    : m_reader(reader)
    , m_tags(tags)
{
}

HistoryExporter::Result HistoryExporter::run(const HistoryExportRequest &request,
                                             const Progress &progress)
{
    Result result;
    std::vector<Stream> streams;
    result.error = checkRequest(request);
    if (result.error.isEmpty())
        result.error = openStreams(m_reader, m_tags, request, streams);
    if (!result.error.isEmpty())
        return result;
    const std::optional<QString> path =
        ExportPath::resolve(request.directory, request.fileName, &result.error);
    if (!path)
        return result;
    QSaveFile file(*path);
    if (!file.open(QIODevice::WriteOnly)) {
        result.error = QStringLiteral("cannot write %1: %2").arg(*path, file.errorString());
        return result;
    }
    CsvWriter csv(file, request.profile);
    writeHeader(csv);
    if (!writeRows(m_reader, request, streams, csv, progress, result)) {
        if (result.error.isEmpty())
            result.error = QStringLiteral("cannot write %1: %2").arg(*path, file.errorString());
        file.cancelWriting();
        return result;
    }
    if (!file.commit()) {
        result.error = QStringLiteral("cannot write %1: %2").arg(*path, file.errorString());
        return result;
    }
    if (progress)
        progress(result.rows, 1.0);
    result.ok = true;
    result.path = *path;
    return result;
}

} // namespace vigil
