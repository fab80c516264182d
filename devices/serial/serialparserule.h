#pragma once

#include <QString>

namespace vigil
{

struct SerialFrame;

// How one tag's value is found in a received frame (the tag's address). Rules are immutable and
// shared by copies of a tag binding.
class SerialParseRule
{
public:
    struct Result {
        enum class Kind {
            NoMatch, // the frame is not for this tag
            Value,   // text holds the value
            NoData,  // the frame is for this tag but carries no value (empty NMEA field)
            Invalid, // the frame is for this tag but malformed: errorKind / error say how
        };
        Kind kind = Kind::NoMatch;
        QString text;
        QString errorKind; // "parse", "checksum", ...
        QString error;

        static Result value(QString text) { return {Kind::Value, std::move(text), {}, {}}; }
        static Result noData() { return {Kind::NoData, {}, {}, {}}; }
        static Result invalid(QString kind, QString message)
        {
            return {Kind::Invalid, {}, std::move(kind), std::move(message)};
        }
    };

    virtual ~SerialParseRule() = default;
    virtual Result extract(const SerialFrame &frame) const = 0;
    // True if the rule reads NMEA sentences (the driver then parses and checks them).
    virtual bool needsNmea() const { return false; }
};

} // namespace vigil
