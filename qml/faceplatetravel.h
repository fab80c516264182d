#pragma once

#include "commands/commandstatus.h"

#include <optional>

namespace vigil
{

// Where a discrete device is going after the faceplate's commands: the value last sent to it.
// It stays while a newer command is only selected (the device still moves: a stop selected
// during a start does not stop it yet) and ends when the feedback agrees or the faceplate's
// latest command resolves (succeeded, failed, refused, cancelled, expired).
class FaceplateTravel
{
public:
    // Each status of the faceplate's own command, in order.
    void follow(const CommandStatus &status);
    void clear() { m_target.reset(); }

    bool target() const { return m_target.value_or(false); }
    bool traveling(bool feedback) const { return m_target && *m_target != feedback; }

private:
    std::optional<bool> m_target;
};

} // namespace vigil
