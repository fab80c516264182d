#pragma once

#include "bitreader.h"
#include "historysample.h"
#include "ricestate.h"
#include "timemodel.h"
#include "valueencoding.h"
#include "valuepredictor.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace vigil
{

// Decodes a chunk written by ChunkEncoder, sample by sample. A malformed chunk (bad header,
// quality runs that do not add up, truncated bits) makes isValid() false with an error().
class ChunkDecoder
{
public:
    explicit ChunkDecoder(QByteArray blob);

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    int count() const { return m_count; }
    qint64 firstTime() const { return m_firstTime; }
    const ValueEncoding &encoding() const { return m_encoding; }

    // The next sample, or false at the end (or when the chunk turns out to be corrupt).
    bool next(HistorySample &sample);

    // Decodes a whole chunk; returns false with an error message if it is corrupt.
    static bool decodeAll(const QByteArray &blob, HistorySamples &out, QString *error = nullptr);

private:
    struct Run {
        Quality quality;
        quint32 length;
    };
    bool parseHeader();
    qint64 decodeTime();
    std::int64_t decodeFirstInteger();
    std::int64_t decodeIntegerDeltaV1();

    QByteArray m_blob;
    int m_version = 0;
    QString m_error;
    ValueEncoding m_encoding;
    std::vector<Run> m_runs;
    std::optional<BitReader> m_bits;
    int m_count = 0;
    int m_index = 0;
    std::size_t m_run = 0;
    quint32 m_runLeft = 0;
    qint64 m_firstTime = 0;
    qint64 m_time = 0;
    qint64 m_delta = 0;
    std::uint64_t m_value = 0; // the float's ordered bits or the stored integer
    ValuePredictor m_predictor;
    RiceState m_rice;
    RiceState m_timeRice;
    RiceState m_periodRice; // format 1 periods
    TimeModel m_timeModel;
    qint64 m_period = 0;
};

} // namespace vigil
