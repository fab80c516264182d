#include "faceplatetravel.h"

namespace vigil
{

void FaceplateTravel::follow(const CommandStatus &status)
{
    using State = CommandStatus::State;
    if (status.state == State::Sending || status.state == State::Verifying)
        m_target = status.target.toBool();
    else if (status.finished())
        m_target.reset();
}

} // namespace vigil
