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
    if (request.tags.isEmpty()) {
        result.error = QStringLiteral("no tags to export");
        return result;
    }
    if (request.to < request.from) {
        result.error = QStringLiteral("the time range ends before it starts");
        return result;
    }
    std::vector<Stream> streams(size_t(request.tags.size()));
    for (qsizetype i = 0; i < request.tags.size(); ++i) {
        const std::optional<quint32> index = m_tags.indexOf(request.tags[i]);
        if (!index) {
            result.error = QStringLiteral("unknown tag '%1'").arg(request.tags[i]);
            return result;
        }
        Stream &s = streams[size_t(i)];
        s.tag = &m_tags.at(*index);
        const std::optional<qint32> key = m_reader.tagKey(s.tag->id);
        if (!key) {
            if (!m_reader.lastError().isEmpty()) {
                result.error = m_reader.lastError();
                return result;
            }
            continue; // no history yet: no rows
        }
        s.key = *key;
        if (s.tag->type != DataType::String)
            s.cursor = std::make_unique<HistoryCursor>(
                m_reader, *key, m_reader.uncommitted(s.tag->id, *key), request.from, request.to);
    }
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
    csv.begin();
    for (const char *title : {"time", "tag", "value", "unit", "quality"})
        csv.text(QString::fromLatin1(title));
    csv.endRow();

    auto advance = [&](Stream &s) -> bool {
        s.has = false;
        if (s.key < 0)
            return true;
        if (s.cursor) {
            s.has = s.cursor->next(s.sample);
            if (!s.has && !s.cursor->error().isEmpty()) {
                result.error = s.cursor->error();
                return false;
            }
            return true;
        }
        if (s.pageIndex >= s.page.size() && !s.textDone) {
            if (!m_reader.textPage(s.key, request.from, request.to, s.pageOffset, kTextPage,
                                   s.page)) {
                result.error = m_reader.lastError();
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
    };
    for (Stream &s : streams) {
        if (!advance(s))
            return result;
    }
    const double span = double(std::max<qint64>(1, request.to - request.from));
    while (true) {
        Stream *next = nullptr;
        for (Stream &s : streams) {
            if (s.has && (!next || s.sample.time < next->sample.time))
                next = &s;
        }
        if (!next)
            break;
        csv.time(next->sample.time);
        csv.text(next->tag->id);
        if (next->cursor)
            csv.number(next->sample.value);
        else
            csv.text(next->text);
        csv.text(next->tag->unit);
        csv.text(qualityName(next->sample.quality));
        if (!csv.endRow()) {
            result.error = QStringLiteral("cannot write %1: %2").arg(*path, file.errorString());
            file.cancelWriting();
            return result;
        }
        ++result.rows;
        if (progress && result.rows % kProgressEvery == 0 &&
            !progress(result.rows, double(next->sample.time - request.from) / span)) {
            file.cancelWriting();
            result.cancelled = true;
            result.error = QStringLiteral("cancelled");
            return result;
        }
        if (!advance(*next)) {
            file.cancelWriting();
            return result;
        }
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
