#pragma once

#include <QByteArray>
#include <QString>

#include <vector>

namespace vigil
{

// One row of the historian's journal: for each tag whose open chunk received samples since the
// previous flush, either the new samples (a delta, itself a small chunk) or the whole open chunk
// so far (a snapshot, which lets older journal rows go). Replaying rows in order rebuilds every
// chunk that was open at a crash.
class JournalRecord
{
public:
    struct Entry {
        qint32 tag = 0;     // tag key in the database
        qint64 chunkId = 0; // the open chunk the samples belong to
        bool snapshot = false;
        QByteArray chunk; // an encoded chunk (ChunkEncoder::serialize)
    };

    void add(qint32 tag, qint64 chunkId, bool snapshot, const QByteArray &chunk);
    int count() const { return m_count; }
    bool isEmpty() const { return m_count == 0; }
    // The encoded row: varint entry count, then per entry tag, chunk id, kind, length, bytes.
    QByteArray encoded() const;

    static bool decode(const QByteArray &row, std::vector<Entry> &out, QString *error);

private:
    QByteArray m_body;
    int m_count = 0;
};

} // namespace vigil
