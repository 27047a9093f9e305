import { Link } from 'react-router';

export function PersonLink({ id, name }: { id: number; name: string }) {
  return (
    <Link className="person-link" to={`/people/${id}`}>
      {name}
    </Link>
  );
}
