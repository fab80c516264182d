#include "journalrecord.h"

#include "varint.h"

namespace vigil
{

void JournalRecord::add(qint32 tag, qint64 chunkId, bool snapshot, const QByteArray &chunk)
{
    varint::put(m_body, std::uint64_t(quint32(tag)));
    varint::put(m_body, std::uint64_t(chunkId));
    m_body.append(char(snapshot ? 1 : 0));
    varint::put(m_body, std::uint64_t(chunk.size()));
    m_body.append(chunk);
    ++m_count;
}

QByteArray JournalRecord::encoded() const
{
    QByteArray out;
    out.reserve(m_body.size() + 5);
    varint::put(out, std::uint64_t(m_count));
    out.append(m_body);
    return out;
}

bool JournalRecord::decode(const QByteArray &row, std::vector<Entry> &out, QString *error)
{
    const auto *pos = reinterpret_cast<const std::uint8_t *>(row.constData());
    const auto *end = pos + row.size();
    bool ok = true;
    const std::uint64_t n = varint::get(pos, end, ok);
    for (std::uint64_t i = 0; ok && i < n; ++i) {
        Entry e;
        e.tag = qint32(varint::get(pos, end, ok));
        e.chunkId = qint64(varint::get(pos, end, ok));
        if (!ok || pos >= end || *pos > 1) {
            ok = false;
            break;
        }
        e.snapshot = *pos++ == 1;
        const std::uint64_t length = varint::get(pos, end, ok);
        if (!ok || length > std::uint64_t(end - pos)) {
            ok = false;
            break;
        }
        e.chunk = QByteArray(reinterpret_cast<const char *>(pos), qsizetype(length));
        pos += length;
        out.push_back(std::move(e));
    }
    if (!ok && error)
        *error = QStringLiteral("malformed journal row");
    return ok;
}

} // namespace vigil
