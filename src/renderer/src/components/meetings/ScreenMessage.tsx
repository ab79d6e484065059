/** A single message on the meeting-room screen (loading, or what went wrong), centred and large. */
export function ScreenMessage({ children }: { children: React.ReactNode }) {
  return (
    <div className="mt-screen">
      <div className="mt-center">{children}</div>
    </div>
  );
}
