#pragma once

#include <QByteArray>
#include <QList>

namespace vigil
{

// Cuts the received byte stream into frames: by terminator, by fixed length, or between start and
// end markers. The buffer is bounded: a frame that grows beyond the maximum is discarded (up to its
// terminator or end marker) and counted as overlong; bytes outside markers are counted as garbage.
class SerialFramer
{
public:
    enum class Mode {
        Terminator,
        FixedLength,
        Markers
    };
    struct Settings {
        Mode mode = Mode::Terminator;
        QByteArray terminator = "\r\n";
        // CR/LF terminators: CR and LF around frames are trimmed and empty lines skipped, so
        // "lf" also reads CRLF lines.
        bool trimLineEnds = true;
        int length = 0; // fixed length
        QByteArray start, end;
        int maxFrame = 512;
    };
    // What one feed produced, besides the frames.
    struct Output {
        QList<QByteArray> frames;
        int overlong = 0; // frames discarded for exceeding maxFrame
        int garbage = 0;  // runs of bytes outside start/end markers
        int partial = 0;  // frames cut short by a new start marker
    };

    explicit SerialFramer(Settings settings);

    const Settings &settings() const { return m_settings; }
    void feed(const QByteArray &bytes, Output &out);
    // An incomplete frame is waiting for more bytes (or being discarded as overlong).
    bool hasPending() const { return !m_buffer.isEmpty() || m_dropping || m_inside; }
    // Drops the incomplete frame (silence after it, response timeout, port closed). Returns true
    // if it held bytes of a frame that was not already counted as overlong.
    bool discardPending();

private:
    void feedTerminator(Output &out);
    void feedMarkers(Output &out);
    void emitFrame(QByteArray frame, Output &out);

    Settings m_settings;
    QByteArray m_buffer;
    bool m_dropping = false; // discarding an overlong frame up to its end
    bool m_inside = false;   // markers: a start marker was seen
};

} // namespace vigil
